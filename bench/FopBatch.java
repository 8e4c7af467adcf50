/*
 * bench/FopBatch.java -- Apache FOP with one warm JVM, for bench/peers.sh:
 * renders every FO file named in LIST (one path per line; a path may
 * repeat) to OUTDIR/NNNN.pdf with one FopFactory, on THREADS threads, the
 * way a server that keeps FOP loaded would.  FOP's command line takes one
 * document per JVM, which would measure JVM start-up a thousand times.
 *
 *   java -cp CLASSPATH:. FopBatch fop.xconf LIST OUTDIR THREADS
 *
 * Prints one line: documents, pages, seconds (all documents, from the
 * first start to the last end, JVM start-up excluded) and warm_ms_per_doc
 * (mean wall time per document over the second half, when the JIT has
 * compiled FOP's hot paths).  Exit 1 if any document failed.
 */
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;

public class FopBatch {
	public static void main(String[] args) throws Exception {
		FopFactory factory = args[0].equals("-")
		    ? FopFactory.newInstance(new File(".").toURI())
		    : FopFactory.newInstance(new File(args[0]));
		List<String> files = new ArrayList<>();
		for (String l : Files.readAllLines(Paths.get(args[1])))
			if (!l.isBlank())
				files.add(l.trim());
		File outDir = new File(args[2]);
		int threads = Integer.parseInt(args[3]);
		TransformerFactory tf = TransformerFactory.newInstance();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger finished = new AtomicInteger();
		AtomicLong halfAt = new AtomicLong();
		int half = files.size() / 2;
		long t0 = System.nanoTime();
		List<Future<Integer>> results = new ArrayList<>();
		/* The first document alone: FOP reads its configuration from a
		 * DOM that Xerces expands lazily, which is not safe to expand from
		 * two threads at once (a renderer element then has no "mime"
		 * attribute: NullPointerException in getRendererConfiguration). */
		int start = 0;
		if (!files.isEmpty()) {
			final File out0 = new File(outDir, "0001.pdf");
			final String in0 = files.get(0);
			results.add(pool.submit(() -> render(factory, tf, in0, out0)));
			try {
				results.get(0).get();
			} catch (Exception e) {
				/* counted with the others below */
			}
			finished.incrementAndGet();
			start = 1;
		}
		for (int i = start; i < files.size(); i++) {
			final String in = files.get(i);
			final File out = new File(outDir, String.format("%04d.pdf", i + 1));
			results.add(pool.submit(() -> {
				int pages = render(factory, tf, in, out);
				if (finished.incrementAndGet() == half)
					halfAt.set(System.nanoTime());
				return pages;
			}));
		}
		int pages = 0, failed = 0;
		for (Future<Integer> r : results) {
			try {
				pages += r.get();
			} catch (Exception e) {
				if (failed++ == 0)
					(e.getCause() != null ? e.getCause() : e).printStackTrace();
			}
		}
		long t1 = System.nanoTime();
		pool.shutdown();
		double warm = (files.size() - half) > 0 && halfAt.get() > 0
		    ? (t1 - halfAt.get()) / 1e6 / (files.size() - half) : 0;
		System.out.printf("documents %d pages %d seconds %.3f warm_ms_per_doc %.2f failed %d%n",
		    files.size(), pages, (t1 - t0) / 1e9, warm, failed);
		System.exit(failed > 0 ? 1 : 0);
	}

	static int render(FopFactory factory, TransformerFactory tf, String in, File out)
	    throws Exception {
		try (OutputStream os = new BufferedOutputStream(new FileOutputStream(out))) {
			Fop fop;
			Transformer t;
			/* (setting up is cheap next to rendering; see above) */
			synchronized (tf) {
				FOUserAgent ua = factory.newFOUserAgent();
				fop = factory.newFop(MimeConstants.MIME_PDF, ua, os);
				t = tf.newTransformer();
			}
			t.transform(new StreamSource(new File(in)), new SAXResult(fop.getDefaultHandler()));
			return fop.getResults().getPageCount();
		}
	}
}
