/*
 * batch.c -- `folio batch`: options, worker processes, progress, summary
 * and the manifest file (see batch.h; the job list is batch-jobs.c).
 *
 * Workers are forked from the parent after the job list is built and
 * receive job indexes, one at a time, on a pipe; they answer with a
 * fixed-size frame and the document's diagnostics on another.  The parent
 * never renders and never loads fonts, so a fault in the pipeline can only
 * take one worker (and one document) down.  What this file does not do:
 * decide what a document is or whether it is up to date (batch-jobs.c),
 * or write PDFs (the pipeline does, to a temporary file and a rename).
 */
#include "batch.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <libxml/parser.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch-jobs.h"
#include "layout/layout.h"
#include "pipeline.h"
#include "post/post.h"

static const char batch_usage[] =
"Usage: folio batch [OPTIONS] INPUT... -d DIR\n"
"\n"
"Renders many documents, in parallel, each to DIR/NAME.pdf.  An INPUT is a\n"
"file, a directory (every *.xml below it; subdirectories are kept under\n"
"DIR), a glob pattern ('in/*.xml', quoted), or @LIST (a file naming one\n"
"INPUT per line).  A collection file (root <collection\n"
"xmlns=\"urn:folio:collection\">) holds many documents and gives one PDF\n"
"per entry, named by --name or its name=\"\" attribute.\n"
"\n"
"Options:\n"
"  -d, --dir DIR        the output directory (created if missing)\n"
"  -j, --jobs N         worker processes (default: the number of cores)\n"
"      --progress=MODE  bar (default on a terminal), plain (one line per\n"
"                       document; default otherwise), none\n"
"  -q, --quiet          print only failures (and the summary if any failed)\n"
"      --force          render everything, even what is up to date\n"
"      --changed-only   decide \"up to date\" by content hashes kept in the\n"
"                       manifest instead of file times (needs --manifest)\n"
"      --manifest FILE  write one JSON line per document (input, output,\n"
"                       sha256, pages, bytes, ms, status, diagnostics)\n"
"      --shard K/N      render only shard K (1..N) of the documents, chosen\n"
"                       by a stable hash of the input path\n"
"      --name TEMPLATE  output names of collection entries, e.g.\n"
"                       '{type}-{number}-{date}.pdf'; fields: {type},\n"
"                       {index}, {source}, {@attr}, {a/b}, {a/@attr}, {name}\n"
"                       (default {source}-{index}.pdf)\n"
"      --timeout SEC    give up on a document after SEC seconds\n"
"      --force-rules    render even when business rules report errors\n"
"      --pdfa=LEVEL, --attach-source, --no-attach-source,\n"
"      --no-signature-fields   as for 'folio render' (docs/archiving.md)\n"
"      --data-dir DIR   where schemas/ and stylesheets/ are\n"
"      --param NAME=VALUE  a stylesheet parameter\n"
"  -n, --dry-run        print what would be rendered or skipped, and stop\n"
"  -h, --help           this text\n"
"\n"
"A document is skipped when its PDF is newer than its source, its schema\n"
"and stylesheet and folio itself.  Exit status: 0 all done or skipped, 1\n"
"some document failed, 2 usage error, 130 interrupted.  See docs/batch.md.\n";

typedef enum progress_mode { PROG_AUTO, PROG_BAR, PROG_PLAIN, PROG_NONE } progress_mode;

typedef struct batch_opts {
	batch_list_opts list;
	const char *manifest;    /* or NULL */
	const char *data_dir;    /* explicit, or NULL */
	const char **params;     /* NULL-terminated name/value pairs; owned array */
	int nparams;
	int workers;             /* -j; 0 = the number of cores */
	progress_mode progress;
	bool quiet, force, changed_only, force_rules, dry_run;
	int pdfa;                /* post stage options, as in folio_session_opts */
	int attach_source;
	bool no_signature_fields;
	unsigned shard_k, shard_n;
	double timeout;          /* seconds per document; 0 = none */
} batch_opts;

/* One worker process, seen from the parent. */
typedef struct worker {
	pid_t pid;          /* 0 = no process in this slot */
	int to;             /* write end: job indexes; -1 once closed */
	int from;           /* read end: result frames */
	long job;           /* the job it is rendering, or -1 */
	double started;     /* when it got that job (monotonic seconds) */
	bool timed_out;     /* killed for --timeout */
} worker;

/* What a worker sends back for one document, followed by diag_len bytes
 * of diagnostics (see batch_job.diags). */
typedef struct frame {
	uint32_t job;
	int32_t status;
	int64_t pages;
	uint64_t bytes;
	int64_t ms;
	int64_t worker;          /* pid */
	int64_t rss_kib;         /* the worker's peak RSS so far */
	char sha256[65];
	uint32_t diag_len;
} frame;

typedef struct run {
	batch_opts *o;
	char *data_dir;          /* owned */
	batch_jobs jobs;
	worker *w;               /* owned array of nw slots */
	int nw;
	size_t *queue;           /* owned; job indexes to render, in order */
	size_t nqueue, next;     /* next: first not yet handed out */
	size_t *retry;           /* owned; jobs handed to a worker that died
	                            before taking them */
	size_t nretry;
	size_t total, done, skipped, failed;
	size_t finished;         /* jobs that came back from a worker */
	uint64_t pages;
	double t0;               /* start of rendering */
	FILE *part;              /* the manifest being written, or NULL */
	char *part_path;         /* owned */
	double last_draw;
	bool bar_shown;
	int idle_deaths;         /* workers that died without a job, in a row */
} run;

static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	interrupted = sig;
}

static double
now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static bool
read_full(int fd, void *buf, size_t n)
{
	char *p = buf;
	while (n > 0) {
		ssize_t k = read(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p += k;
		n -= (size_t)k;
	}
	return true;
}

static bool
write_full(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p += k;
		n -= (size_t)k;
	}
	return true;
}

/* ---- the worker side ----------------------------------------------------- */

static void
collect_diags(folio_session *s, folio_buf *out)
{
	folio_diags *d = folio_session_diags(s);
	folio_buf line = {0};
	for (size_t i = 0; i < d->n; i++) {
		folio_diag_format(&d->items[i], &line);
		folio_buf_printf(out, "%c%s\n", "NWE"[d->items[i].severity], line.data);
		folio_buf_clear(&line);
	}
	if (d->dropped)
		folio_buf_printf(out, "Nfolio: %zu more diagnostics not shown\n", d->dropped);
	folio_diags_clear(d);
}

static bool
names(const char *env, const batch_job *j)
{
	const char *want = getenv(env);
	const char *slash = strrchr(j->key, '/');
	return want && *want && !strcmp(slash ? slash + 1 : j->key, want);
}

/* Test hooks, used by tests/e2e/batch-crash.sh and nothing else: when
 * FOLIO_TEST_CRASH names a document (the input's base name, or
 * "NAME.xml#N" for entry N of a collection), the worker rendering it calls
 * abort(), to prove that a crash costs only that document;
 * FOLIO_TEST_HANG makes it wait forever instead (for --timeout). */
static void
test_crash_hook(const batch_job *j)
{
	if (names("FOLIO_TEST_CRASH", j))
		abort();
	if (names("FOLIO_TEST_HANG", j))
		for (;;)
			pause();
}

static void
render_one(run *r, folio_session *s, const batch_job *j, frame *f, folio_buf *diags)
{
	double t = now();
	test_crash_hook(j);
	folio_status st;
	if (j->entry) {
		size_t len;
		char *bytes = batch_entry_bytes(&r->jobs, j, &len);
		st = folio_pipeline_render_bytes(s, j->input, bytes, len, j->output);
	} else {
		st = folio_pipeline_render(s, j->input, j->output);
	}
	f->pages = (int64_t)folio_session_pages(s);
	if (st == FOLIO_OK && !batch_sha256_file(j->output, f->sha256, &f->bytes)) {
		folio_diags_add(folio_session_diags(s), FOLIO_ERROR, "io", j->output, 0, 0,
		                "cannot read the PDF back: %s", strerror(errno));
		st = FOLIO_EUSAGE;
	}
	collect_diags(s, diags);
	f->status = st;
	f->ms = (int64_t)((now() - t) * 1000 + 0.5);
	struct rusage ru;
	f->worker = getpid();
	f->rss_kib = getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

static void __attribute__((noreturn))
worker_main(run *r, int in, int out, pid_t parent)
{
	/* die with the parent: a killed batch leaves no stray renderers */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(0);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	folio_session_opts so = {
		.data_dir = r->data_dir,
		.params = r->o->params,
		.force = r->o->force_rules,
		.pdfa = r->o->pdfa,
		.attach_source = r->o->attach_source,
		.no_signature_fields = r->o->no_signature_fields,
		/* the other workers have the other cores */
		.layout_threads = 1,
	};
	folio_session *s = folio_session_new(&so);
	uint32_t idx;
	while (read_full(in, &idx, sizeof idx)) {
		if (idx >= r->jobs.n)
			break;
		frame f = {.job = idx};
		folio_buf diags = {0};
		render_one(r, s, &r->jobs.v[idx], &f, &diags);
		f.diag_len = (uint32_t)diags.len;
		if (!write_full(out, &f, sizeof f) ||
		    !write_full(out, diags.data ? diags.data : "", diags.len))
			_exit(1);
		folio_buf_clear(&diags);
	}
	folio_session_free(s);
	_exit(0);
}

/* ---- the parent side: output ------------------------------------------- */

static int
term_cols(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		return ws.ws_col;
	return 80;
}

static void
clear_bar(run *r)
{
	if (r->bar_shown) {
		fputs("\r\033[K", stderr);
		r->bar_shown = false;
	}
}

static void
fmt_duration(char *buf, size_t n, double s)
{
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(buf, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, n, "%ld:%02ld", t / 60, t % 60);
}

/* [#####-----] 412/1000  2103 pages  38.1 docs/s  ETA 0:15  2 failed */
static void
draw_bar(run *r, bool force)
{
	if (r->o->progress != PROG_BAR)
		return;
	double t = now();
	if (!force && t - r->last_draw < 0.1)
		return;
	r->last_draw = t;
	size_t finished = r->done + r->failed + r->skipped;
	double elapsed = t - r->t0;
	double rate = elapsed > 0 ? (double)r->finished / elapsed : 0;
	char eta[32] = "--:--", text[200];
	size_t left = r->total - finished;
	if (rate > 0)
		fmt_duration(eta, sizeof eta, (double)left / rate);
	int n = snprintf(text, sizeof text, " %zu/%zu  %llu pages  %.1f docs/s  ETA %s",
	                 finished, r->total, (unsigned long long)r->pages, rate, eta);
	if (r->failed)
		snprintf(text + n, sizeof text - (size_t)n, "  %zu failed", r->failed);
	int width = term_cols() - (int)strlen(text) - 3;
	if (width > 40)
		width = 40;
	fputs("\r[", stderr);
	if (width >= 5) {
		int fill = r->total ? (int)((double)width * (double)finished / (double)r->total) : width;
		for (int i = 0; i < width; i++)
			fputc(i < fill ? '#' : '-', stderr);
	}
	fprintf(stderr, "]%s\033[K", text);
	fflush(stderr);
	r->bar_shown = true;
}

/* Prints a job's diagnostics: errors always, warnings and notes unless -q. */
static void
print_diags(run *r, const batch_job *j)
{
	for (const char *p = j->diags; p && *p; ) {
		const char *nl = strchr(p, '\n');
		int n = nl ? (int)(nl - p) : (int)strlen(p);
		if (n > 1 && (p[0] == 'E' || !r->o->quiet))
			fprintf(stderr, "%.*s\n", n - 1, p + 1);
		p += n + (nl ? 1 : 0);
	}
}

static bool
has_printable_diags(run *r, const batch_job *j)
{
	if (!j->diags)
		return false;
	return !r->o->quiet || strstr(j->diags, "\nE") || j->diags[0] == 'E';
}

/* Reports one finished job (done, skipped or failed). */
static void
report(run *r, const batch_job *j)
{
	if (r->part) {
		batch_manifest_line(r->part, j);
		fflush(r->part);
	}
	bool failed = j->state == JOB_FAILED;
	progress_mode m = r->o->progress;
	if (r->o->quiet && !failed)
		return;
	if (m == PROG_BAR && !failed && !(j->state == JOB_DONE && has_printable_diags(r, j))) {
		draw_bar(r, false);   /* nothing to say but progress */
		return;
	}
	clear_bar(r);
	if (m == PROG_PLAIN || failed) {
		int w = snprintf(NULL, 0, "%zu", r->total);
		fprintf(stderr, "[%*zu/%zu] ", w, r->done + r->failed + r->skipped, r->total);
		if (failed)
			fprintf(stderr, "FAIL %s\n", j->key);
		else if (j->state == JOB_SKIPPED)
			fprintf(stderr, "skip %s (up to date)\n", j->key);
		else
			fprintf(stderr, "ok   %s -> %s (%lld page%s, %lld ms)\n", j->key,
			        j->output, (long long)j->pages, j->pages == 1 ? "" : "s",
			        (long long)j->ms);
	}
	if (m != PROG_PLAIN && !failed && j->state == JOB_DONE && has_printable_diags(r, j))
		fprintf(stderr, "%s:\n", j->key);
	print_diags(r, j);
	draw_bar(r, true);
}

/* ---- the parent side: workers ------------------------------------------ */

static void
close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static bool
spawn(run *r, worker *w)
{
	int to[2], from[2];
	if (pipe(to) != 0)
		return false;
	if (pipe(from) != 0) {
		close(to[0]);
		close(to[1]);
		return false;
	}
	fflush(stdout);
	fflush(stderr);
	if (r->part)
		fflush(r->part);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		close(to[0]), close(to[1]), close(from[0]), close(from[1]);
		return false;
	}
	if (pid == 0) {
		/* keep only this worker's ends: the others' pipes must see EOF
		 * when their own process ends */
		for (int i = 0; i < r->nw; i++) {
			if (r->w[i].pid) {
				close_fd(&r->w[i].to);
				close_fd(&r->w[i].from);
			}
		}
		close(to[1]);
		close(from[0]);
		worker_main(r, to[0], from[1], parent);
	}
	close(to[0]);
	close(from[1]);
	w->pid = pid;
	w->to = to[1];
	w->from = from[0];
	w->job = -1;
	w->timed_out = false;
	return true;
}

static void
describe_exit(folio_buf *b, const batch_job *j, int status, bool timed_out,
              double timeout)
{
	if (timed_out)
		folio_buf_printf(b, "E%s: error: gave up after %.0f s (--timeout); the "
		                 "worker was stopped\n", j->input, timeout);
	else if (WIFSIGNALED(status))
		folio_buf_printf(b, "E%s: error: the worker rendering this document "
		                 "crashed (signal %d, %s); the other documents go on\n",
		                 j->input, WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		folio_buf_printf(b, "E%s: error: the worker rendering this document "
		                 "exited unexpectedly (status %d)\n", j->input,
		                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static void
finish_job(run *r, batch_job *j)
{
	r->finished++;
	if (j->state == JOB_DONE) {
		r->done++;
		if (j->pages > 0)
			r->pages += (uint64_t)j->pages;
	} else {
		r->failed++;
	}
	report(r, j);
}

/* The worker's pipe closed: it exited or crashed. */
static void
reap(run *r, worker *w)
{
	int status = 0;
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		;
	if (w->job >= 0 && !interrupted) {
		batch_job *j = &r->jobs.v[w->job];
		folio_buf b = {0};
		describe_exit(&b, j, status, w->timed_out, r->o->timeout);
		if (j->output)
			batch_clean_stale_one(j->output);   /* its half-written temp file */
		j->diags = b.data;
		j->state = JOB_FAILED;
		j->status = FOLIO_EDOC;
		finish_job(r, j);
		r->idle_deaths = 0;
	} else if (w->to >= 0 && !interrupted) {
		r->idle_deaths++;   /* died while waiting for work */
	}
	close_fd(&w->to);
	close_fd(&w->from);
	w->pid = 0;
	w->job = -1;
}

/* Reads one result frame from w. */
static void
receive(run *r, worker *w)
{
	frame f;
	if (!read_full(w->from, &f, sizeof f) || (long)f.job != w->job) {
		reap(r, w);
		return;
	}
	char *diags = NULL;
	if (f.diag_len) {
		diags = folio_malloc((size_t)f.diag_len + 1);
		if (!read_full(w->from, diags, f.diag_len)) {
			free(diags);
			reap(r, w);
			return;
		}
		diags[f.diag_len] = 0;
	}
	batch_job *j = &r->jobs.v[f.job];
	j->status = f.status;
	j->pages = f.pages;
	j->bytes = f.bytes;
	j->ms = f.ms;
	j->worker = f.worker;
	j->rss_kib = f.rss_kib;
	f.sha256[64] = 0;
	memcpy(j->sha256, f.sha256, sizeof j->sha256);
	free(j->diags);
	j->diags = diags;
	j->state = f.status == FOLIO_OK ? JOB_DONE : JOB_FAILED;
	w->job = -1;
	finish_job(r, j);
}

static bool
next_job(run *r, size_t *idx)
{
	if (r->nretry) {
		*idx = r->retry[--r->nretry];
		return true;
	}
	if (r->next < r->nqueue) {
		*idx = r->queue[r->next++];
		return true;
	}
	return false;
}

static bool
work_left(const run *r)
{
	return r->nretry > 0 || r->next < r->nqueue;
}

/* Gives idle workers work, starts workers where slots are empty, and lets
 * idle workers go when nothing is left. */
static void
dispatch(run *r)
{
	for (int i = 0; i < r->nw; i++) {
		worker *w = &r->w[i];
		if (!w->pid && work_left(r) && !spawn(r, w))
			continue;
		if (!w->pid || w->job >= 0 || w->to < 0)
			continue;
		size_t idx;
		if (!next_job(r, &idx)) {
			close_fd(&w->to);   /* EOF: the worker ends */
			continue;
		}
		uint32_t v = (uint32_t)idx;
		r->jobs.v[idx].state = JOB_RUNNING;
		w->job = (long)idx;
		w->started = now();
		if (!write_full(w->to, &v, sizeof v)) {
			/* it died before taking the job: someone else will */
			r->retry = folio_realloc_array(r->retry, r->nretry + 1, sizeof *r->retry);
			r->retry[r->nretry++] = idx;
			w->job = -1;
			close_fd(&w->to);
		}
	}
}

static bool
any_worker(const run *r)
{
	for (int i = 0; i < r->nw; i++)
		if (r->w[i].pid)
			return true;
	return false;
}

static void
check_timeouts(run *r)
{
	if (r->o->timeout <= 0)
		return;
	double t = now();
	for (int i = 0; i < r->nw; i++) {
		worker *w = &r->w[i];
		if (w->pid && w->job >= 0 && !w->timed_out && t - w->started > r->o->timeout) {
			w->timed_out = true;
			kill(w->pid, SIGKILL);
		}
	}
}

static void
stop_workers(run *r)
{
	for (int i = 0; i < r->nw; i++)
		if (r->w[i].pid)
			kill(r->w[i].pid, SIGTERM);
	for (int i = 0; i < r->nw; i++) {
		if (!r->w[i].pid)
			continue;
		while (waitpid(r->w[i].pid, NULL, 0) < 0 && errno == EINTR)
			;
		if (r->w[i].job >= 0 && r->jobs.v[r->w[i].job].output)
			batch_clean_stale_one(r->jobs.v[r->w[i].job].output);
		close_fd(&r->w[i].to);
		close_fd(&r->w[i].from);
		r->w[i].pid = 0;
	}
}

/* How long to wait for results: until the next redraw of the bar or the
 * next --timeout deadline, whichever comes first. */
static int
poll_ms(const run *r)
{
	double wait = r->o->progress == PROG_BAR ? 0.2 : 1.0;
	if (r->o->timeout > 0) {
		double t = now();
		for (int i = 0; i < r->nw; i++) {
			const worker *w = &r->w[i];
			if (w->pid && w->job >= 0 && !w->timed_out) {
				double left = w->started + r->o->timeout - t;
				if (left < wait)
					wait = left > 0 ? left : 0;
			}
		}
	}
	return (int)(wait * 1000) + 1;
}

/* The scheduling loop: until every queued job has a result. */
static void
render_all(run *r)
{
	struct pollfd *p = folio_calloc((size_t)r->nw, sizeof *p);
	while ((work_left(r) || any_worker(r)) && !interrupted) {
		if (r->idle_deaths > 3 * r->nw + 3) {
			clear_bar(r);
			fprintf(stderr, "folio: error: worker processes keep dying before "
			        "they get any work; stopping\n");
			break;
		}
		dispatch(r);
		int n = 0;
		for (int i = 0; i < r->nw; i++) {
			p[i].fd = r->w[i].pid ? r->w[i].from : -1;
			p[i].events = POLLIN;
			p[i].revents = 0;
			n += r->w[i].pid != 0;
		}
		if (n == 0)
			break;
		int k = poll(p, (nfds_t)r->nw, poll_ms(r));
		if (k < 0 && errno != EINTR)
			break;
		for (int i = 0; i < r->nw && k > 0; i++) {
			if (!r->w[i].pid || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (r->w[i].job >= 0)
				receive(r, &r->w[i]);
			else
				reap(r, &r->w[i]);   /* ended (or died) while idle */
		}
		check_timeouts(r);
		draw_bar(r, false);
	}
	free(p);
	stop_workers(r);
}

/* ---- options ----------------------------------------------------------- */

static int
usage_fail(const char *fmt, const char *arg)
{
	fprintf(stderr, "folio: error: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see 'folio batch --help')\n");
	return FOLIO_EUSAGE;
}

static const struct option batch_longopts[] = {
	{"dir", required_argument, NULL, 'd'},
	{"output", required_argument, NULL, 'o'},
	{"jobs", required_argument, NULL, 'j'},
	{"quiet", no_argument, NULL, 'q'},
	{"dry-run", no_argument, NULL, 'n'},
	{"help", no_argument, NULL, 'h'},
	{"progress", required_argument, NULL, 1},
	{"force", no_argument, NULL, 2},
	{"changed-only", no_argument, NULL, 3},
	{"manifest", required_argument, NULL, 4},
	{"shard", required_argument, NULL, 5},
	{"name", required_argument, NULL, 6},
	{"timeout", required_argument, NULL, 7},
	{"force-rules", no_argument, NULL, 8},
	{"data-dir", required_argument, NULL, 9},
	{"param", required_argument, NULL, 10},
	{"pdfa", required_argument, NULL, 11},
	{"attach-source", no_argument, NULL, 12},
	{"no-attach-source", no_argument, NULL, 13},
	{"no-signature-fields", no_argument, NULL, 14},
	{NULL, 0, NULL, 0},
};

static bool
parse_uint(const char *s, unsigned *v)
{
	char *end;
	unsigned long x = strtoul(s, &end, 10);
	if (end == s || *end || x > 100000)
		return false;
	*v = (unsigned)x;
	return true;
}

/* Handles one option: -1 to go on, or an exit status. */
static int
option(batch_opts *o, int c)
{
	unsigned u;
	switch (c) {
	case 'd': case 'o': o->list.out_dir = optarg; return -1;
	case 'j':
		if (!parse_uint(optarg, &u) || u == 0)
			return usage_fail("-j needs a number of workers, got '%s'", optarg);
		o->workers = (int)u;
		return -1;
	case 'q': o->quiet = true; return -1;
	case 'n': o->dry_run = true; return -1;
	case 'h': fputs(batch_usage, stdout); return 0;
	case 1:
		if (!strcmp(optarg, "bar")) o->progress = PROG_BAR;
		else if (!strcmp(optarg, "plain")) o->progress = PROG_PLAIN;
		else if (!strcmp(optarg, "none")) o->progress = PROG_NONE;
		else return usage_fail("--progress is bar, plain or none, not '%s'", optarg);
		return -1;
	case 2: o->force = true; return -1;
	case 3: o->changed_only = true; return -1;
	case 4: o->manifest = optarg; return -1;
	case 5: {
		char *slash = strchr(optarg, '/');
		if (!slash)
			return usage_fail("--shard needs K/N, e.g. 2/4, got '%s'", optarg);
		*slash = 0;
		if (!parse_uint(optarg, &o->shard_k) || !parse_uint(slash + 1, &o->shard_n) ||
		    o->shard_n == 0 || o->shard_k < 1 || o->shard_k > o->shard_n) {
			*slash = '/';
			return usage_fail("--shard needs K/N with 1 <= K <= N, got '%s'", optarg);
		}
		return -1;
	}
	case 6: o->list.name_template = optarg; return -1;
	case 7: {
		char *end;
		o->timeout = strtod(optarg, &end);
		if (end == optarg || *end || o->timeout <= 0)
			return usage_fail("--timeout needs seconds, got '%s'", optarg);
		return -1;
	}
	case 8: o->force_rules = true; return -1;
	case 9: o->data_dir = optarg; return -1;
	case 10: {
		char *eq = strchr(optarg, '=');
		if (!eq)
			return usage_fail("--param needs NAME=VALUE, got '%s'", optarg);
		*eq = 0;
		o->params[2 * o->nparams] = optarg;
		o->params[2 * o->nparams + 1] = eq + 1;
		o->nparams++;
		return -1;
	}
	case 11: {
		folio_pdfa l;
		if (!folio_pdfa_parse(optarg, &l))
			return usage_fail("--pdfa takes 2b, 3b, 2a, 3a or none, not '%s'", optarg);
		o->pdfa = (int)l;
		return -1;
	}
	case 12: o->attach_source = 1; return -1;
	case 13: o->attach_source = -1; return -1;
	case 14: o->no_signature_fields = true; return -1;
	default:
		return usage_fail("%s", "unknown option");
	}
}

/* Parses argv into o and the inputs; -1 to go on, or an exit status. */
static int
parse_args(int argc, char **argv, batch_opts *o, char ***inputs, int *nin)
{
	*inputs = folio_calloc((size_t)argc + 1, sizeof **inputs);
	*nin = 0;
	optind = 1;
	opterr = 0;   /* one line of our own instead of getopt's */
	int c, rc;
	while (optind < argc) {
		if ((c = getopt_long(argc, argv, "+d:o:j:qnh", batch_longopts, NULL)) != -1) {
			if (c == '?')
				return usage_fail("unknown option, or an option without its "
				                  "value: %s", argv[optind - 1]);
			if ((rc = option(o, c)) >= 0)
				return rc;
			continue;
		}
		if (optind < argc)
			(*inputs)[(*nin)++] = argv[optind++];
	}
	if (*nin == 0)
		return usage_fail("%s", "batch needs at least one input");
	if (!o->list.out_dir)
		return usage_fail("%s", "batch needs an output directory: -d DIR");
	if (o->attach_source > 0 && folio_pdfa_part((folio_pdfa)o->pdfa) == 2)
		return usage_fail("%s", "PDF/A-2 allows only PDF/A files as attachments: "
		                  "use --pdfa=3b (or 3a) with --attach-source");
	if (o->changed_only && !o->manifest)
		return usage_fail("%s", "--changed-only needs --manifest FILE (the "
		                  "hashes of the last run are kept there)");
	return -1;
}

static int
cores(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

/* ---- the run ------------------------------------------------------------- */

/* Writes the final manifest (every job of this run, in job order)
 * atomically, and drops the partial one. */
static bool
write_manifest(run *r)
{
	const char *path = r->o->manifest;
	char *copy = folio_strdup(path), *copy2 = folio_strdup(path);
	char *tmp = folio_asprintf("%s/.%s.XXXXXX", dirname(copy), basename(copy2));
	free(copy);
	free(copy2);
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	bool ok = f != NULL;
	if (f) {
		fchmod(fd, 0644);
		for (size_t i = 0; i < r->jobs.n; i++)
			batch_manifest_line(f, &r->jobs.v[i]);
		ok = fflush(f) == 0 && fsync(fd) == 0;
		ok = fclose(f) == 0 && ok;
		ok = ok && rename(tmp, path) == 0;
	}
	if (!ok) {
		fprintf(stderr, "folio: %s: error: cannot write the manifest: %s\n",
		        path, strerror(errno));
		unlink(tmp);
	} else {
		unlink(r->part_path);
	}
	free(tmp);
	return ok;
}

static void
summary(run *r, double secs)
{
	if (r->o->quiet && !r->failed && !interrupted)
		return;
	clear_bar(r);
	size_t rendered = r->finished;
	fprintf(stderr, "folio batch: %zu done, %zu skipped, %zu failed%s (%llu pages "
	        "in %.1f s, %.1f documents/s)\n", r->done, r->skipped, r->failed,
	        interrupted ? ", interrupted" : "", (unsigned long long)r->pages, secs,
	        secs > 0 ? (double)rendered / secs : 0.0);
}

static void
dry_run(run *r)
{
	for (size_t i = 0; i < r->jobs.n; i++) {
		const batch_job *j = &r->jobs.v[i];
		const char *what = j->state == JOB_SKIPPED ? "skip  "
		                 : j->state == JOB_FAILED ? "fail  " : "render";
		printf("%s %s -> %s\n", what, j->key, j->output ? j->output : "(none)");
		if (j->state == JOB_FAILED)
			print_diags(r, j);
	}
}

/* Whether the post stage attaches the source XML (as pipeline.c decides). */
static bool
attaches_source(const batch_opts *o)
{
	return o->attach_source > 0 ||
	       (o->attach_source == 0 && folio_pdfa_part((folio_pdfa)o->pdfa) == 3);
}

/* Decides every job, creates output directories, queues what to render
 * and reports what is already settled. */
static void
plan(run *r)
{
	/* options that change the PDF count as dependencies (--changed-only) */
	char *salt = folio_asprintf("pdfa=%d attach=%d fields=%d rules=%d", r->o->pdfa,
	                            r->o->attach_source, r->o->no_signature_fields,
	                            r->o->force_rules);
	batch_state *st = batch_state_new(r->data_dir, r->o->params, salt, r->o->manifest);
	free(salt);
	r->queue = folio_calloc(r->jobs.n + 1, sizeof *r->queue);
	for (size_t i = 0; i < r->jobs.n; i++) {
		batch_job *j = &r->jobs.v[i];
		batch_state_decide(st, &r->jobs, j, r->o->force, r->o->changed_only);
		if (j->entry && j->state != JOB_FAILED && attaches_source(r->o)) {
			folio_buf b = {0};
			folio_buf_printf(&b, "E%s:%d:%d: error: the source of a collection "
			                 "entry cannot be attached yet (the whole collection "
			                 "would be): use --no-attach-source, or split the "
			                 "collection into files\n", j->input, j->line, j->col);
			j->diags = b.data;
			j->state = JOB_FAILED;
		}
		if (j->state == JOB_PENDING && !r->o->dry_run && !batch_mkdirs_for(j->output)) {
			folio_buf b = {0};
			folio_buf_printf(&b, "E%s: error: cannot create the directory for "
			                 "%s: %s\n", j->input, j->output, strerror(errno));
			j->diags = b.data;
			j->state = JOB_FAILED;
		}
		if (j->state == JOB_PENDING)
			r->queue[r->nqueue++] = i;
	}
	batch_state_free(st);
	r->total = r->jobs.n;
}

static int
run_batch(run *r)
{
	batch_opts *o = r->o;
	/* on the whole list, so every shard sees the same collisions and drops
	 * the same duplicates */
	if (!batch_jobs_check_outputs(&r->jobs)) {
		fprintf(stderr, "folio: error: %s\n", r->jobs.usage_error);
		return FOLIO_EUSAGE;
	}
	if (o->shard_n)
		batch_jobs_shard(&r->jobs, o->shard_k, o->shard_n);
	plan(r);
	if (o->dry_run) {
		dry_run(r);
		return FOLIO_OK;
	}
	if (o->manifest) {
		r->part_path = folio_asprintf("%s.part", o->manifest);
		batch_mkdirs_for(r->part_path);
		r->part = fopen(r->part_path, "w");
		if (!r->part) {
			fprintf(stderr, "folio: %s: error: cannot write the manifest: %s\n",
			        r->part_path, strerror(errno));
			return FOLIO_EUSAGE;
		}
	}
	batch_clean_stale(&r->jobs, o->manifest);
	r->t0 = now();
	for (size_t i = 0; i < r->jobs.n; i++) {
		batch_job *j = &r->jobs.v[i];
		if (j->state == JOB_SKIPPED)
			r->skipped++;
		if (j->state == JOB_SKIPPED || j->state == JOB_FAILED) {
			if (j->state == JOB_FAILED)
				r->failed++;
			report(r, j);
		}
	}
	r->nw = o->workers > 0 ? o->workers : cores();
	if ((size_t)r->nw > r->nqueue)
		r->nw = (int)r->nqueue;
	r->w = folio_calloc((size_t)r->nw + 1, sizeof *r->w);
	for (int i = 0; i < r->nw; i++)
		r->w[i].to = r->w[i].from = -1;
	render_all(r);
	/* jobs a worker never got to (interrupted, or workers kept dying) */
	size_t lost = 0;
	for (size_t i = 0; i < r->jobs.n; i++)
		lost += r->jobs.v[i].state == JOB_PENDING || r->jobs.v[i].state == JOB_RUNNING;
	summary(r, now() - r->t0);
	if (r->part)
		fclose(r->part);
	r->part = NULL;
	if (interrupted)
		return 128 + interrupted;
	if (o->manifest && !write_manifest(r))
		return FOLIO_EUSAGE;
	return r->failed || lost ? FOLIO_EDOC : FOLIO_OK;
}

int
folio_batch_main(int argc, char **argv)
{
	batch_opts o = {0};
	o.params = folio_calloc((size_t)argc * 2 + 1, sizeof *o.params);
	char **inputs;
	int nin;
	int rc = parse_args(argc, argv, &o, &inputs, &nin);
	if (rc >= 0)
		goto out;
	/* "out/" and "out" name the same outputs (and the same shard keys) */
	char *out_dir = folio_strdup(o.list.out_dir);
	for (size_t n = strlen(out_dir); n > 1 && out_dir[n - 1] == '/'; )
		out_dir[--n] = 0;
	o.list.out_dir = out_dir;
	if (o.progress == PROG_AUTO)
		o.progress = isatty(STDERR_FILENO) ? PROG_BAR : PROG_PLAIN;
	if (o.quiet && o.progress == PROG_BAR)
		o.progress = PROG_NONE;
	LIBXML_TEST_VERSION
	run r = {.o = &o};
	r.data_dir = folio_data_dir_find(o.data_dir, NULL);
	for (int i = 0; i < nin; i++)
		batch_jobs_add_arg(&r.jobs, &o.list, inputs[i]);
	if (r.jobs.usage_error) {
		fprintf(stderr, "folio: error: %s\n", r.jobs.usage_error);
		rc = FOLIO_EUSAGE;
	} else {
		struct sigaction sa = {.sa_handler = on_signal};
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		signal(SIGPIPE, SIG_IGN);
		rc = run_batch(&r);
	}
	free(r.w);
	free(r.queue);
	free(r.retry);
	free(r.part_path);
	free(r.data_dir);
	batch_jobs_free(&r.jobs);
	xmlCleanupParser();
	free(out_dir);
out:
	free(o.params);
	free(inputs);
	return rc;
}
