using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Learning.Media;

/// <summary>
/// The folder lesson files (PDFs, MP4s) are kept in (config <c>Media:Folder</c>, default <c>media</c>
/// under the data folder). With several web nodes every node mounts the same folder (docker-compose
/// mounts one volume): an upload lands on one node, any node serves it. Files are written under a
/// <c>.part</c> name and renamed when whole, so a half-written upload is never served.
/// </summary>
public sealed partial class MediaStorage
{
    public const string PartSuffix = ".part";
    private const int BufferSize = 81920;
    private const int HeadBytes = 8;

    public MediaStorage(IConfiguration config, IHostEnvironment env)
    {
        var folder = config["Media:Folder"];
        Folder = string.IsNullOrWhiteSpace(folder) ? Path.Combine(DatabaseSetup.DataFolder(env), "media") : folder;
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>A random name with the kind's extension: never derived from anything a user typed.</summary>
    public static string NewStoredName(MediaKind kind) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + kind.Extension;

    /// <summary>A stored name derived from <paramref name="seed"/>: the same every time, for files the portal ships (the demo's videos).</summary>
    public static string StoredNameFor(string seed, MediaKind kind) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)))[..32] + kind.Extension;

    /// <summary>The full path of a stored name; anything that is not one of our names (a path, "..") is refused.</summary>
    public string PathOf(string storedName) =>
        StoredName().IsMatch(storedName)
            ? Path.Combine(Folder, storedName)
            : throw new ArgumentException("Not a media file name.", nameof(storedName));

    public sealed record Saved(string StoredName, long Bytes);

    /// <summary>
    /// Copies <paramref name="source"/> into the folder a buffer at a time (never whole in memory). Null
    /// with nothing left behind when it is empty, larger than the kind allows or not of the kind.
    /// </summary>
    /// <param name="storedName">A name of ours chosen by the caller (the demo's files keep theirs from run to run); a new random one otherwise.</param>
    public async Task<(Saved? File, string? Problem)> SaveAsync(Stream source, MediaKind kind, CancellationToken ct, string? storedName = null)
    {
        var name = storedName ?? NewStoredName(kind);
        var path = PathOf(name);
        // A part name of its own, so that two writers of one chosen name (two nodes seeding the demo) never share it.
        var part = $"{path}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}{PartSuffix}";
        long bytes = 0;
        string? problem = null;
        try
        {
            await using (var target = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                var head = new byte[HeadBytes];
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    // The first bytes say what the file is, whatever its name; a network read may bring them in pieces.
                    if (bytes < HeadBytes)
                    {
                        buffer.AsSpan(0, (int)Math.Min(read, HeadBytes - bytes)).CopyTo(head.AsSpan((int)bytes));
                        if (bytes + read >= HeadBytes && !kind.Recognises(head)) { problem = LearningTexts.NotOfKind(kind.Extension); break; }
                    }
                    bytes += read;
                    if (bytes > kind.MaxBytes) { problem = LearningTexts.TooLarge(kind.MaxText); break; }
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (problem is null && bytes == 0) problem = LearningTexts.EmptyUpload;
            else if (problem is null && bytes < HeadBytes) problem = LearningTexts.NotOfKind(kind.Extension);
            if (problem is not null)
            {
                File.Delete(part);
                return (null, problem);
            }
            File.Move(part, path, overwrite: true);
            return (new Saved(name, bytes), null);
        }
        catch
        {
            File.Delete(part);
            throw;
        }
    }

    /// <summary>Removes a stored file (an upload whose lesson was refused); a name that is not ours is ignored.</summary>
    public void Delete(string storedName)
    {
        if (StoredName().IsMatch(storedName)) File.Delete(Path.Combine(Folder, storedName));
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(pdf|mp4|docx|doc|xlsx|xls|png|jpg)$")]
    private static partial Regex StoredName();
}
