using System.Diagnostics;
using PdfSharp;
using PdfSharp.Pdf;
using Training.Web.Features.Certificates.Pdf;

namespace Training.Bench;

/// <summary>
/// Certificate PDFs (issue 14: at least 50 a second, 1,000 in bounded memory): writes N certificates,
/// each straight to its own file, one after another and then on every core, and reports PDFs per second
/// and the process's peak memory (VmHWM) before and after. The baseline, in the same run: N empty A4
/// pages written by PDFsharp the same way (what any PDF costs here before text, font and QR code).
/// Usage: certificates [--count N] [--out FOLDER] [--keep]
/// </summary>
public static class CertificatesBench
{
    public static int Run(string[] args)
    {
        var count = int.Parse(BenchArgs.Option(args, "--count") ?? "1000");
        var folder = BenchArgs.Option(args, "--out") ?? Path.Combine(Path.GetTempPath(), "training-bench-certificates-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        var contents = Enumerable.Range(1, count).Select(Content).ToArray();

        // Warm-up: the font is read and parsed once per process, the JIT compiles.
        for (var i = 0; i < 20; i++) WriteCertificate(contents[i % count], Path.Combine(folder, "warmup.pdf"));
        WriteEmpty(Path.Combine(folder, "warmup-empty.pdf"));
        GC.Collect();
        Console.WriteLine($"after warm-up: peak {PeakMb():F0} MB, now {NowMb():F0} MB");

        var empty = Time(count, i => WriteEmpty(Path.Combine(folder, $"empty-{i:D5}.pdf")));
        Console.WriteLine($"baseline, empty A4 page (PDFsharp): {count:N0} in {empty.TotalSeconds:F2} s = {count / empty.TotalSeconds:F0} PDFs/s");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var one = Time(count, i => WriteCertificate(contents[i], Path.Combine(folder, $"certificate-{i:D5}.pdf")));
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var peakAfterOne = PeakMb();
        Console.WriteLine($"certificates, 1 thread: {count:N0} in {one.TotalSeconds:F2} s = {count / one.TotalSeconds:F0} PDFs/s " +
                          $"({one.TotalMilliseconds / count:F1} ms each, {cpu.TotalMilliseconds / count:F1} ms of CPU; empty page {empty.TotalMilliseconds / count:F2} ms); peak {peakAfterOne:F0} MB");

        var threads = Environment.ProcessorCount;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads },
            i => WriteCertificate(contents[i], Path.Combine(folder, $"parallel-{i:D5}.pdf")));
        watch.Stop();
        Console.WriteLine($"certificates, {threads} threads: {count:N0} in {watch.Elapsed.TotalSeconds:F2} s = {count / watch.Elapsed.TotalSeconds:F0} PDFs/s; peak {PeakMb():F0} MB");

        var sizes = Directory.EnumerateFiles(folder, "certificate-*.pdf").Select(f => new FileInfo(f).Length).ToList();
        Console.WriteLine($"files: {sizes.Count:N0} certificates, {sizes.Average() / 1024:F0} KB each on average, {sizes.Sum() / 1048576.0:F1} MB in all, in {folder}");
        Console.WriteLine($"target ≥ 50 PDFs/s on one thread: {(count / one.TotalSeconds >= 50 ? "met" : "NOT met")}");
        if (!args.Contains("--keep")) Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static TimeSpan Time(int count, Action<int> write)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) write(i);
        return watch.Elapsed;
    }

    private static void WriteCertificate(CertificateContent content, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        CertificatePdf.Write(content, file);
    }

    private static void WriteEmpty(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        using var document = new PdfDocument();
        document.AddPage().Size = PageSize.A4;
        document.Save(file, closeStream: false);
    }

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "陈", "欧阳", "黄", "周", "吴", "徐"];
    private static readonly string[] Given = ["三明", "丽", "建国", "小红", "志强", "美玲", "海", "春燕", "国华", "伟"];

    private static CertificateContent Content(int i) => new(
        Surnames[i % Surnames.Length] + Given[i / Surnames.Length % Given.Length],
        $"2026年白云区农村基层干部乡村振兴专题培训班（第{i % 12 + 1}期）",
        new DateOnly(2026, 3, 2), new DateOnly(2026, 6, 30), 24 + i % 17 + (i % 2) * 0.5m,
        "中共广州市白云区委组织部", $"440111-2026-{i:D5}", new DateOnly(2026, 7, 1),
        $"https://px.example.gov.cn/Verify/{Training.Core.Domain.Certificate.NewCode()}");

    private static double PeakMb() => StatusMb("VmHWM:");
    private static double NowMb() => StatusMb("VmRSS:");

    private static double StatusMb(string field)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line[field.Length..].Trim().Split(' ')[0]) / 1024.0;
    }
}
