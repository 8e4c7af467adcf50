/*
 * batch-jobs.h -- the job list of `folio batch` (internal to batch.c and
 * batch-jobs.c): what to render, where to, whether it is up to date, and
 * the manifest that records what happened.
 *
 * A job is one source document and one PDF: a whole XML file, or one entry
 * of a collection file (urn:folio:collection) cut out of it.  The list is
 * built in the parent process before any worker starts, so workers inherit
 * it read-only through fork().
 */
#ifndef FOLIO_BATCH_JOBS_H
#define FOLIO_BATCH_JOBS_H

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "base/base.h"

#define BATCH_NS_COLLECTION "urn:folio:collection"

typedef enum job_state {
	JOB_PENDING,   /* to be rendered */
	JOB_RUNNING,   /* a worker has it */
	JOB_DONE,      /* rendered in this run */
	JOB_SKIPPED,   /* output up to date */
	JOB_FAILED,    /* diagnostics say why */
} job_state;

/* A collection file, loaded once in the parent. */
typedef struct batch_coll {
	char *path;         /* owned; as given */
	char *bytes;        /* owned; the whole file */
	size_t len;
	size_t decl_len;    /* BOM and XML declaration at the start, kept */
	int decl_lines;     /* newlines inside those bytes */
} batch_coll;

typedef struct batch_job {
	char *input;        /* owned; the source file as given / expanded */
	int entry;          /* 1-based entry of a collection; 0 = whole file */
	size_t coll;        /* index into the collections when entry > 0 */
	char *key;          /* owned; input, or "input#entry": manifest and
	                       shard key */
	char *output;       /* owned; the PDF path, or NULL when none could be
	                       named (then the job fails with diags) */
	char type[64];      /* document type from the root's namespace, or "" */
	/* collection entries: where the entry is in the file */
	size_t off, len;    /* bytes of the entry element */
	int line, col;      /* 1-based position of its start tag (col in bytes) */
	char *ns_inject;    /* owned; namespace declarations inherited from the
	                       collection root, to add to the start tag; or NULL */
	/* results */
	job_state state;
	int status;         /* folio_status of the render */
	int64_t pages;      /* -1 = unknown (skipped without a manifest record) */
	uint64_t bytes;     /* of the PDF */
	int64_t ms;         /* wall time of the render in the worker */
	int64_t worker;     /* pid of the worker that rendered it, or 0 */
	int64_t rss_kib;    /* that worker's peak RSS after it (KiB), or 0 */
	char sha256[65];    /* of the PDF; "" when none */
	char in_sha256[65]; /* of the source (the entry's bytes for entries) */
	char deps_sha256[65];  /* of folio, its data files and the options (a
	                          copy: the dependency cache is reallocated per
	                          new type and freed before the renders) */
	char *diags;        /* owned; lines "S<formatted diagnostic>\n" where S
	                       is E, W or N (severity); or NULL */
} batch_job;

typedef struct batch_jobs {
	batch_job *v;       /* owned array */
	size_t n, cap;
	batch_coll *colls;  /* owned array */
	size_t ncolls;
	char *usage_error;  /* owned; first problem with the arguments, or NULL */
} batch_jobs;

/* Options that shape the job list. */
typedef struct batch_list_opts {
	const char *out_dir;       /* where PDFs go */
	const char *name_template; /* collection entries; NULL = the collection's
	                              name="" attribute, else {source}-{index}.pdf */
} batch_list_opts;

/* Adds the jobs for one command-line argument: a file, a directory (every
 * *.xml below it, sorted), a glob pattern, or @LIST (one argument per
 * line).  Collections are split into their entries.  Problems with the
 * argument itself (no such file, no match) set jobs->usage_error; problems
 * with a document become failed jobs. */
void batch_jobs_add_arg(batch_jobs *jobs, const batch_list_opts *o,
                        const char *arg);
/* Keeps only the jobs of shard k (1-based) of n: a stable hash of the key. */
void batch_jobs_shard(batch_jobs *jobs, unsigned k, unsigned n);
/* Reports two jobs writing one output as a usage error; returns false then. */
bool batch_jobs_check_outputs(batch_jobs *jobs);
void batch_jobs_free(batch_jobs *jobs);

/* The bytes a worker parses for a collection entry: the entry, preceded by
 * the file's XML declaration and as many newlines and spaces as put its
 * start tag at the same line and column as in the collection, so every
 * diagnostic points into the collection file.  Caller frees. */
char *batch_entry_bytes(const batch_jobs *jobs, const batch_job *j, size_t *len);

/* ---- up to date? ---- */

typedef struct batch_state batch_state;

/* What decides whether a job can be skipped: the modification times and
 * content hashes of folio itself and of the schemas and stylesheets of
 * each document type, the parameters and other options that change the
 * PDF (salt: any string describing them), and the previous manifest. */
batch_state *batch_state_new(const char *data_dir, const char **params,
                             const char *salt, const char *manifest);
void batch_state_free(batch_state *s);
/* Fills j->in_sha256 and j->deps_sha256, then decides: JOB_SKIPPED (and
 * fills the results from the output and the previous manifest) or
 * JOB_PENDING.  changed_only compares hashes, else times; force renders. */
void batch_state_decide(batch_state *s, const batch_jobs *jobs, batch_job *j,
                        bool force, bool changed_only);

/* ---- manifest ---- */

/* Writes one JSON line for j to f. */
void batch_manifest_line(FILE *f, const batch_job *j);
/* SHA-256 of a file as 64 hex digits; false when it cannot be read. */
bool batch_sha256_file(const char *path, char hex[65], uint64_t *size);

/* Creates the directories above path (mkdir -p of its dirname). */
bool batch_mkdirs_for(const char *path);
/* Removes temporary files folio left beside the outputs of these jobs
 * (".NAME.XXXXXX" from a run that was killed), and beside extra (the
 * manifest) when not NULL.  Returns how many. */
size_t batch_clean_stale(const batch_jobs *jobs, const char *extra);
/* The same for one output (after its worker crashed or was stopped). */
size_t batch_clean_stale_one(const char *output);

#endif
