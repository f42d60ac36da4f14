using Microsoft.Data.Sqlite;

namespace Training.Tests.Infrastructure;

/// <summary>A folder of its own under the temp directory for one test class's database files, deleted with the class.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        // Pooled connections keep the files open.
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a straggling handle: the OS temp cleaner takes it */ }
        catch (UnauthorizedAccessException) { }
    }
}
