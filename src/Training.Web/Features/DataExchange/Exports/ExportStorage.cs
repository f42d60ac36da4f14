using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Training.Web.Infrastructure;

namespace Training.Web.Features.DataExchange.Exports;

/// <summary>
/// The folder exported files are written to and downloaded from (config <c>Exports:Folder</c>,
/// default <c>exports</c> under the data folder) and how long they are kept (<c>Exports:KeepHours</c>,
/// default 24). With several web nodes the folder must be shared by all of them (docker-compose
/// mounts one volume): the job runs on any node, the download is answered by any node.
/// </summary>
public sealed partial class ExportStorage
{
    public const string PartSuffix = ".part";

    public ExportStorage(IConfiguration config, IHostEnvironment env)
    {
        var folder = config["Exports:Folder"];
        Folder = string.IsNullOrWhiteSpace(folder) ? Path.Combine(DatabaseSetup.DataFolder(env), "exports") : folder;
        Directory.CreateDirectory(Folder);
        var hours = config.GetValue<double?>("Exports:KeepHours") ?? 24;
        KeepFor = TimeSpan.FromHours(hours > 0 ? hours : 24);
    }

    public string Folder { get; }
    public TimeSpan KeepFor { get; }

    /// <summary>A random name: never derived from anything a user typed.</summary>
    public static string NewStoredName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + ".xlsx";

    /// <summary>The full path of a stored name; anything that is not one of our names (a path, "..") is refused.</summary>
    public string PathOf(string storedName) =>
        StoredName().IsMatch(storedName)
            ? Path.Combine(Folder, storedName)
            : throw new ArgumentException("Not an export file name.", nameof(storedName));

    public static bool IsStoredName(string fileName) => StoredName().IsMatch(fileName);

    [GeneratedRegex("^[0-9a-f]{32}\\.xlsx$")]
    private static partial Regex StoredName();
}
