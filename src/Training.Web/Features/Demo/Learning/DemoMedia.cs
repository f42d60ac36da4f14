using Training.Web.Features.Learning.Media;
using Training.Web.Infrastructure.Media;

namespace Training.Web.Features.Demo.Learning;

/// <summary>A demo video in the media folder: its stored name, size and the duration read from it.</summary>
internal sealed record DemoVideo(string StoredName, long Bytes, int Seconds);

/// <summary>A demo PDF in the media folder: its stored name, size and the pages read from it.</summary>
internal sealed record DemoPdf(string StoredName, long Bytes, int Pages);

/// <summary>The demo's files in the media folder.</summary>
internal sealed record DemoFiles(IReadOnlyList<DemoVideo> Videos, IReadOnlyList<DemoPdf> Pdfs)
{
    /// <summary>The first PDF again, stored as a notice's attachment (a file of its own: removing the attachment never takes a lesson's file).</summary>
    public DemoPdf? NoticePdf { get; init; }

    public static readonly DemoFiles None = new([], []);
}

/// <summary>
/// The demo's lesson files shipped in Features/Demo/Data/media — short videos made once with ffmpeg
/// (a title card, a running clock and a quiet tone; H.264 baseline + AAC, faststart) and a PDF of
/// scanned-looking pages — copied into the media folder under names that stay the same from run to
/// run; durations and pages are read from the files, as an upload's would be.
/// </summary>
internal static class DemoMedia
{
    public static async Task<DemoFiles> StoreAsync(MediaStorage storage, string? contentRoot, CancellationToken ct)
    {
        var folder = new[] { AppContext.BaseDirectory, contentRoot ?? "" }
            .Select(root => Path.Combine(root, "Features", "Demo", "Data", "media"))
            .FirstOrDefault(Directory.Exists);
        if (folder is null) return DemoFiles.None;
        var videos = new List<DemoVideo>();
        foreach (var file in Directory.GetFiles(folder, "demo-*.mp4").Order(StringComparer.Ordinal))
        {
            if (await StoreAsync(storage, file, MediaKind.Mp4, ct) is not { } saved) continue;
            await using var stored = File.OpenRead(storage.PathOf(saved.StoredName));
            if (Mp4Duration.Read(stored) is { } seconds) videos.Add(new DemoVideo(saved.StoredName, saved.Bytes, (int)Math.Round(seconds)));
        }
        var pdfs = new List<DemoPdf>();
        foreach (var file in Directory.GetFiles(folder, "demo-*.pdf").Order(StringComparer.Ordinal))
            if (await StoreAsync(storage, file, MediaKind.Pdf, ct) is { } saved && PdfPages.Count(storage.PathOf(saved.StoredName)) is { } pages)
                pdfs.Add(new DemoPdf(saved.StoredName, saved.Bytes, pages));
        DemoPdf? noticePdf = null;
        if (Directory.GetFiles(folder, "demo-*.pdf").Order(StringComparer.Ordinal).FirstOrDefault() is { } first)
        {
            await using var source = File.OpenRead(first);
            var (saved, _) = await storage.SaveAsync(source, MediaKind.Pdf, ct, MediaStorage.StoredNameFor("notice-" + Path.GetFileName(first), MediaKind.Pdf));
            if (saved is not null) noticePdf = new DemoPdf(saved.StoredName, saved.Bytes, 0);
        }
        return new DemoFiles(videos, pdfs) { NoticePdf = noticePdf };
    }

    private static async Task<MediaStorage.Saved?> StoreAsync(MediaStorage storage, string file, MediaKind kind, CancellationToken ct)
    {
        await using var source = File.OpenRead(file);
        var (saved, _) = await storage.SaveAsync(source, kind, ct, MediaStorage.StoredNameFor(Path.GetFileName(file), kind));
        return saved;
    }
}
