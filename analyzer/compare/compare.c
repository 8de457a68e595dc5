/* compare.c - placeholder for aligning directives across meetings. */
