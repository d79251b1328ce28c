#!/usr/bin/env python3
"""Whole-process speed of the extractor CLI, each figure as a ratio beside its anchor measured in the same run.

    python3 tools/bench-cli.py                # everything (several minutes on two cores)
    python3 tools/bench-cli.py --quick        # smaller folders, for a first look
    python3 tools/bench-cli.py --only pdf     # one part: pdf, small, txt, memory, warmup

It publishes the CLI as users get it (Release, for this machine's runtime identifier, as the tool package is built)
into a scratch folder, makes scratch inputs there (the seed PDFs with a text layer from samples/formats copied N
times; small TXT notices from samples/ copied N times), and compares:

  pdf     extractor parse DIR -o OUT   vs  pdftotext over the same files, one process per file, as many at once as
          there are cores (xargs -P) and one at a time. Wall and CPU (children's CPU included: the CLI's workers).
  small   one small TXT file, whole process (extractor parse FILE), median of 7, beside pdftotext on one small PDF.
  txt     a folder of small TXT files with -j 1 and -j 2, beside the library's own in-process throughput on the same
          files (tests/Extractor.Benchmarks 'throughput': read, parse, serialize, one thread, after a warm-up pass),
          written to one JSON Lines file, to new folders of JSON files and over the last run's (as a re-run replaces
          them); best of 3, -j 1 and -j 2 alternating. The folders go on the scratch folder's file system (named in
          the report: ext4 without a journal makes files slowly after many were deleted) and under each --folder-fs.
  memory  peak RSS of extractor parse over 1,000 small files and over --many of them.
  warmup  the library in a fresh process: time of the 200th parse of seed 000 and medians around the 1,000th and
          3,000th (tests/Extractor.Benchmarks/Warmup.cs),
          with the runtime's defaults, the library taken from its package as a program that references it gets it
          (packed here, precompiled for this machine's platform) and by project reference (JIT-compiled); and, for
          reference, in a host that turns dynamic PGO off.

Timings are never absolute claims: other work on the machine slows anchor and subject alike, so read the ratios.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PDFS = ["seed-000-chromium-print.pdf", "seed-000-libreoffice-print.pdf", "seed-002-chromium-print.pdf",
        "seed-002-libreoffice-print.pdf", "seed-002-short-libreoffice.pdf", "seed-002-site-chromium.pdf",
        "ledger-long-libreoffice.pdf"]
SMALL_TXT = "halfwidth.txt"


def run(cmd, **kw):
    """Runs cmd; returns (wall seconds, user+sys CPU seconds of it and its reaped children, peak RSS KiB, exit code)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if p.returncode not in (0,):
        sys.stderr.write(f"  ({' '.join(cmd[:3])}… exited {p.returncode}: {err.strip()[:300]})\n")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, p.returncode


def output_of(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def rid():
    return output_of(["dotnet", "--info"]).split("RID:")[1].split()[0]


def publish(scratch):
    out = os.path.join(scratch, "cli")
    print(f"== publishing the CLI (Release, {rid()}) and building the benchmarks", flush=True)
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src/Cli"), "-c", "Release", "-r", rid(), "--self-contained", "false",
                    "-o", out, "-v", "q", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "tests/Extractor.Benchmarks"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)
    bench = os.path.join(ROOT, "tests/Extractor.Benchmarks/bin/Release/net10.0/Extractor.Benchmarks.dll")
    return os.path.join(out, "extractor"), ["dotnet", bench]


def copies(folder, sources, n, transform=None):
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        src = sources[i % len(sources)]
        dst = os.path.join(folder, f"{i:06d}-{os.path.basename(src)}")
        if transform is None:
            shutil.copyfile(src, dst)
        else:
            with open(src, "rb") as f, open(dst, "wb") as g:
                g.write(transform(f.read(), i))
    return folder


def small_txts():
    names = sorted(f for f in os.listdir(os.path.join(ROOT, "samples")) if f.endswith(".txt"))
    paths = [os.path.join(ROOT, "samples", f) for f in names]
    return [p for p in paths if os.path.getsize(p) <= 1200]


def best(results):
    """The run with the least wall time of several (the one least disturbed by other work)."""
    return min(results, key=lambda r: r[0])


def pdf_part(cli, scratch, counts, cores):
    print("\n== a folder of PDFs: extractor parse DIR -o OUT vs pdftotext over the same files", flush=True)
    sources = [os.path.join(ROOT, "samples/formats", f) for f in PDFS]
    for n in counts:
        folder = copies(os.path.join(scratch, f"pdf{n}"), sources, n)
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
        listing = os.path.join(scratch, f"pdf{n}.list")
        with open(listing, "w") as f:
            f.write("\n".join(files) + "\n")
        text_out = os.path.join(scratch, f"pdf{n}-text")
        os.makedirs(text_out, exist_ok=True)
        par = run(["sh", "-c", f"xargs -P {cores} -I{{}} sh -c 'pdftotext -q \"$1\" {text_out}/$(basename \"$1\").txt' _ {{}} < {listing}"])
        seq = run(["sh", "-c", f"while read f; do pdftotext -q \"$f\" {text_out}/$(basename \"$f\").txt; done < {listing}"])
        out = os.path.join(scratch, f"pdf{n}-out")
        shutil.rmtree(out, ignore_errors=True)
        ours = run([cli, "parse", folder, "-o", out, "--quiet", "--force"])
        print(f"  {n} PDFs: extractor {ours[0]:.2f} s wall, {ours[1]:.2f} s CPU | pdftotext -P{cores} {par[0]:.2f} s wall, "
              f"{par[1]:.2f} s CPU | pdftotext one at a time {seq[0]:.2f} s")
        print(f"    wall ratio {ours[0] / par[0]:.2f}x (vs -P{cores}), {ours[0] / seq[0]:.2f}x (vs one at a time); "
              f"CPU ratio {ours[1] / par[1]:.2f}x   [goal: wall <= 1.5x]")


def small_part(cli, scratch):
    print("\n== one small file, whole process", flush=True)
    txt = os.path.join(ROOT, "samples", SMALL_TXT)
    pdf = os.path.join(ROOT, "samples/formats/seed-002-short-libreoffice.pdf")
    run([cli, "parse", txt])  # the first run reads the program from disk
    ours = statistics.median(run([cli, "parse", txt])[0] for _ in range(7))
    anchor = statistics.median(run(["pdftotext", "-q", pdf, os.path.join(scratch, "short.txt")])[0] for _ in range(7))
    ours_pdf = statistics.median(run([cli, "parse", pdf])[0] for _ in range(5))
    print(f"  extractor parse {SMALL_TXT} ({os.path.getsize(txt)} bytes): {ours * 1000:.0f} ms (median of 7)   [goal: <= 150 ms]")
    print(f"  extractor parse a 4-page PDF: {ours_pdf * 1000:.0f} ms; pdftotext on it: {anchor * 1000:.0f} ms "
          f"(ratio {ours_pdf / anchor:.1f}x)")


def file_system(path):
    """The file system a path lies on, in words: its type and, for ext4, whether it keeps a journal (from /proc and /sys;
    "unknown" where those are missing)."""
    try:
        with open("/proc/self/mountinfo") as f:
            mounts = [line.split() for line in f]
    except OSError:
        return "unknown"
    path = os.path.realpath(path)
    best_mount = None
    for fields in mounts:
        point = fields[4]
        if (path == point or path.startswith(point.rstrip("/") + "/")) and (best_mount is None or len(point) >= len(best_mount[4])):
            best_mount = fields
    if best_mount is None:
        return "unknown"
    tail = best_mount[best_mount.index("-") + 1:]
    kind, source = tail[0], tail[1]
    if kind != "ext4":
        return kind
    try:
        with open(f"/sys/fs/ext4/{os.path.basename(source)}/journal_task") as f:
            journal = f.read().strip() != "<none>"
    except OSError:
        return "ext4"
    return "ext4" if journal else "ext4 without a journal"


def txt_part(cli, bench, scratch, n, folders):
    print(f"\n== a folder of {n} small TXT files: -j 1 and -j 2 vs the library in process", flush=True)
    folder = copies(os.path.join(scratch, f"txt{n}"), small_txts(), n)
    library = output_of(bench + ["throughput", folder]).strip()
    per_file = float(library.split()[0])  # seconds per file, one thread
    lib_rate = 1 / per_file
    print(f"  library in process, one thread: {lib_rate:.0f} files/s")

    def compare(label, out_of):
        """-j 1 and -j 2 in turn, three times each (alternating, so that neither comes to a more worn state of the file
        system), writing to out_of(run): the best run of each."""
        runs = {1: [], 2: []}
        for k in range(3):
            for j in (1, 2):
                runs[j].append(run([cli, "parse", folder, "-o", out_of(k, j), "--quiet", "--force", "-j", str(j)]))
        j1, j2 = best(runs[1]), best(runs[2])
        print(f"  to {label}:")
        print(f"    extractor -j 1: {n / j1[0]:.0f} files/s ({j1[0]:.2f} s wall, {j1[1]:.2f} s CPU) = "
              f"{n / j1[0] / lib_rate:.0%} of the library   [goal: >= 50%]")
        print(f"    extractor -j 2: {n / j2[0]:.0f} files/s ({j2[0]:.2f} s wall, {j2[1]:.2f} s CPU) = "
              f"{j1[0] / j2[0]:.2f}x -j 1   [goal: >= 1.6x on an idle machine]")

    compare("JSON Lines", lambda k, j: os.path.join(scratch, f"txt{n}-out.jsonl"))
    # A folder of JSON files (a file per notice) costs what the file system takes to make files, and what it takes
    # depends on the file system and its state: measured into new folders and over the last run's files (a re-run
    # replaces each one), on the scratch folder's file system and on each --folder-fs given.
    for where in [scratch] + folders:
        kind = file_system(where)
        base = os.path.join(where, f"extractor-bench-txt{n}-{os.getpid()}") if where != scratch else os.path.join(scratch, f"txt{n}")
        try:
            compare(f"new folders of JSON files ({kind}, {where})", lambda k, j: f"{base}-new-{k}-{j}")
            compare(f"a folder of JSON files, replaced as on a re-run ({kind})", lambda k, j: f"{base}-again")
        finally:
            for name in glob.glob(f"{base}-new-*") + [f"{base}-again"]:
                shutil.rmtree(name, ignore_errors=True)
        if kind == "ext4 without a journal":
            print("    (ext4 without a journal, on making a file, passes over each inode freed in the last minutes after reading\n"
                  "     its deletion time: after a run replaced or deleted thousands of files, the next one spends most of its\n"
                  "     time in the kernel; a journaled ext4, xfs or tmpfs does not. README, Speed.)")


def memory_part(cli, scratch, many):
    print(f"\n== peak RSS: 1,000 vs {many:,} small files", flush=True)
    rss = {}
    for n in (1000, many):
        folder = copies(os.path.join(scratch, f"mem{n}"), small_txts(), n)
        out = os.path.join(scratch, f"mem{n}-out.jsonl")
        wall, _, peak, _ = run([cli, "parse", folder, "-o", out, "--quiet", "--force"])
        rss[n] = peak
        print(f"  {n:,} files: peak RSS {peak / 1024:.1f} MiB ({wall:.1f} s)")
        shutil.rmtree(folder, ignore_errors=True)
    print(f"  ratio {rss[many] / rss[1000]:.2f}   [goal: <= 1.10]")


def package_consumer(scratch):
    """Packs the library as users get it (precompiled for this machine's platform only, to save time) into a scratch
    feed and builds a program that takes it from there and runs the benchmarks' warm-up code."""
    feed, consumer = os.path.join(scratch, "feed"), os.path.join(scratch, "consumer")
    version = f"0.0.0-bench.{int(time.time())}.{os.getpid()}"
    subprocess.run(["dotnet", "pack", os.path.join(ROOT, "src/Parsing"), "-c", "Release", "-o", feed, "-v", "q", "-nologo",
                    f"-p:MinVerVersionOverride={version}", f"-p:PackReadyToRunRuntimes={rid()}"], check=True, stdout=subprocess.DEVNULL)
    os.makedirs(consumer)
    with open(os.path.join(consumer, "nuget.config"), "w") as f:
        f.write(f'<configuration><packageSources><add key="bench" value="{feed}" /></packageSources></configuration>\n')
    with open(os.path.join(consumer, "Consumer.csproj"), "w") as f:
        f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Extractor.Parsing" Version="{version}" />
    <Compile Include="{os.path.join(ROOT, "tests/Extractor.Benchmarks/Warmup.cs")}" />
  </ItemGroup>
</Project>
""")
    with open(os.path.join(consumer, "Program.cs"), "w") as f:
        f.write("Extractor.Benchmarks.Warmup.Run(args[0]);\n")
    try:
        subprocess.run(["dotnet", "build", consumer, "-c", "Release", "-o", os.path.join(consumer, "out"), "-v", "q", "-nologo"],
                       check=True, stdout=subprocess.DEVNULL)
    finally:
        cache = os.environ.get("NUGET_PACKAGES") or os.path.expanduser("~/.nuget/packages")
        shutil.rmtree(os.path.join(cache, "extractor.parsing", version), ignore_errors=True)
    return ["dotnet", os.path.join(consumer, "out", "Consumer.dll")]


def warmup_part(bench, scratch):
    print("\n== the library in a fresh process: seed 000, parse by parse", flush=True)
    seed = os.path.join(ROOT, "seeds/000_e2a1d9105bc8cd63.txt")
    consumer = package_consumer(scratch)
    # The runtime's defaults: first as a program that references the package gets the library (precompiled for its
    # platform), then JIT-compiled, as a project reference or a platform the package has no image for gets it.
    print(f"  from the package ({rid()}, precompiled): " + output_of(consumer + [seed]).strip() + "   [goal: 200th < 1 ms]")
    print("  by project reference (JIT-compiled): " + output_of(bench + ["warmup", seed]).strip())
    # The same in a host that turns dynamic PGO off (as the tool's own runtimeconfig does; README, Speed): for reference.
    env = dict(os.environ, DOTNET_TieredPGO="0")
    off = subprocess.run(bench + ["warmup", seed], check=True, capture_output=True, text=True, env=env).stdout.strip()
    print("  by project reference, host with TieredPGO off: " + off)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller folders (PDFs 30, TXT 500, memory 5,000)")
    parser.add_argument("--only", choices=["pdf", "small", "txt", "memory", "warmup"], action="append")
    parser.add_argument("--many", type=int, help="files for the large memory run (default 50,000; --quick 5,000)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--folder-fs", action="append", default=[], metavar="DIR",
                        help="also write the TXT part's folders of JSON files under DIR (another file system: /dev/shm, a disk)")
    args = parser.parse_args()
    parts = args.only or ["pdf", "small", "txt", "memory", "warmup"]
    cores = os.cpu_count() or 1
    scratch = tempfile.mkdtemp(prefix="extractor-bench-")
    try:
        cli, bench = publish(scratch)
        print(f"   ({cores} cores; load average {os.getloadavg()[0]:.1f} before the run)")
        if "pdf" in parts:
            pdf_part(cli, scratch, [30] if args.quick else [100, 300], cores)
        if "small" in parts:
            small_part(cli, scratch)
        if "txt" in parts:
            txt_part(cli, bench, scratch, 500 if args.quick else 2000, args.folder_fs)
        if "memory" in parts:
            memory_part(cli, scratch, args.many or (5000 if args.quick else 50000))
        if "warmup" in parts:
            warmup_part(bench, scratch)
    finally:
        if args.keep:
            print(f"(scratch kept in {scratch})")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
