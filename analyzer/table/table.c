/* table.c - placeholder for the spreadsheet rows. */
