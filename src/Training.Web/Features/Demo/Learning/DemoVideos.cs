using Training.Web.Features.Learning.Media;
using Training.Web.Infrastructure.Media;

namespace Training.Web.Features.Demo.Learning;

/// <summary>A demo video in the media folder: its stored name, size and the duration read from it.</summary>
internal sealed record DemoVideo(string StoredName, long Bytes, int Seconds);

/// <summary>
/// The four short demo videos shipped in Features/Demo/Data/media (made once with ffmpeg: a title
/// card, a running clock and a quiet tone, H.264 baseline + AAC, faststart), copied into the media
/// folder under names that stay the same from run to run; their durations are read from the files.
/// </summary>
internal static class DemoVideos
{
    public static async Task<IReadOnlyList<DemoVideo>> StoreAsync(MediaStorage storage, string? contentRoot, CancellationToken ct)
    {
        var folder = new[] { AppContext.BaseDirectory, contentRoot ?? "" }
            .Select(root => Path.Combine(root, "Features", "Demo", "Data", "media"))
            .FirstOrDefault(Directory.Exists);
        if (folder is null) return [];
        var videos = new List<DemoVideo>();
        foreach (var file in Directory.GetFiles(folder, "demo-*.mp4").Order(StringComparer.Ordinal))
        {
            await using var source = File.OpenRead(file);
            var seconds = Mp4Duration.Read(source);
            source.Position = 0;
            var (saved, _) = await storage.SaveAsync(source, MediaKind.Mp4, ct, MediaStorage.StoredNameFor(Path.GetFileName(file), MediaKind.Mp4));
            if (saved is not null && seconds is { } s) videos.Add(new DemoVideo(saved.StoredName, saved.Bytes, (int)Math.Round(s)));
        }
        return videos;
    }
}
