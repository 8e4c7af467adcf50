/*
 * batch.h -- `folio batch`: many documents in one run.
 *
 * The parent process builds the job list (batch-jobs.c), skips what is up
 * to date, and hands documents one at a time to worker processes.  Each
 * worker keeps one folio_session (fonts, compiled schemas and stylesheets)
 * for all its documents and reports every result back through a pipe.  A
 * worker that crashes is reported against the document it had and
 * replaced; the others go on.  Outputs are written by the pipeline to a
 * temporary file and renamed, so killing a batch at any moment leaves only
 * complete PDFs, and running it again finishes the job.  See docs/batch.md.
 */
#ifndef FOLIO_BATCH_H
#define FOLIO_BATCH_H

/* Runs `folio batch ...`: argv[0] is "batch".  Returns the exit status:
 * 0 all done or skipped, 1 some document failed, 2 usage error, 130 when
 * interrupted. */
int folio_batch_main(int argc, char **argv);

#endif
