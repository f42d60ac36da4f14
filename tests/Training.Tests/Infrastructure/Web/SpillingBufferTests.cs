using Training.Web.Infrastructure.Web;

namespace Training.Tests.Infrastructure.Web;

/// <summary>The downloads' buffer: small files in memory, large ones on disk, every byte back in order either way.</summary>
public sealed class SpillingBufferTests
{
    [Fact]
    public async Task Should_keep_a_small_file_in_memory_and_give_back_every_byte()
    {
        var bytes = Bytes(1000);

        await using var written = await Downloads.WriteTemporaryAsync(async s => { await s.WriteAsync(bytes.AsMemory(0, 400)); s.Write(bytes, 400, 600); });

        Assert.IsType<MemoryStream>(written);
        Assert.Equal(bytes, await ReadAllAsync(written));
    }

    [Fact]
    public async Task Should_move_a_file_larger_than_the_limit_to_disk_and_give_back_every_byte()
    {
        var bytes = Bytes(Downloads.MemoryLimit * 3 + 17);

        await using var written = await Downloads.WriteTemporaryAsync(async s =>
        {
            for (var at = 0; at < bytes.Length; at += 4096) await s.WriteAsync(bytes.AsMemory(at, Math.Min(4096, bytes.Length - at)));
        });

        var file = Assert.IsType<FileStream>(written);
        Assert.Equal(bytes, await ReadAllAsync(written));
        var path = file.Name;
        await written.DisposeAsync();
        Assert.False(File.Exists(path));
    }

    private static byte[] Bytes(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 31 % 251)).ToArray();

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
