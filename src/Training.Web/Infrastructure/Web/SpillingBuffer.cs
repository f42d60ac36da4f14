namespace Training.Web.Infrastructure.Web;

/// <summary>
/// A write-only buffer for <see cref="Downloads"/>: bytes stay in memory up to <paramref name="memoryLimit"/>, then all
/// of them move to a temporary file (deleted when closed) and the rest is written there. <see cref="ToStartAsync"/>
/// hands the written bytes back as a readable stream at position 0.
/// </summary>
public sealed class SpillingBuffer(int memoryLimit) : Stream
{
    private readonly MemoryStream memory = new();
    private FileStream? file;

    private Stream Target => file ?? (Stream)memory;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Target.Length;
    public override long Position { get => Target.Position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (file is null && memory.Length + buffer.Length > memoryLimit) Spill();
        Target.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (file is null && memory.Length + buffer.Length > memoryLimit) Spill();
        return Target.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => Target.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => Target.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>The bytes written, readable from the start: the memory, or the temporary file (this buffer no longer owns it).</summary>
    public async Task<Stream> ToStartAsync()
    {
        if (file is null) return new MemoryStream(memory.GetBuffer(), 0, (int)memory.Length, writable: false);
        await file.FlushAsync();
        file.Position = 0;
        var written = file;
        file = null;
        return written;
    }

    private void Spill()
    {
        file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        memory.Position = 0;
        memory.CopyTo(file);
        memory.SetLength(0);
        memory.Capacity = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file?.Dispose();
            memory.Dispose();
        }
        base.Dispose(disposing);
    }
}
