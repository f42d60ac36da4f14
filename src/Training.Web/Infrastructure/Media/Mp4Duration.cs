using System.Buffers.Binary;

namespace Training.Web.Infrastructure.Media;

/// <summary>
/// The duration of an MP4 (ISO base media file), read from its movie header box (moov/mvhd):
/// timescale and duration, versions 0 and 1. Only box headers are read and everything else is
/// skipped by seeking, so a 1 GB upload costs a few reads whether moov is at the start or after
/// the media data. A lesson's 学时 follow this duration; nobody types it.
/// </summary>
public static class Mp4Duration
{
    /// <summary>The duration in seconds, or null when the stream holds no readable movie header.</summary>
    public static double? Read(Stream mp4)
    {
        if (!mp4.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(mp4));
        mp4.Position = 0;
        return FindMvhd(mp4, mp4.Length, depth: 0);
    }

    private static double? FindMvhd(Stream s, long end, int depth)
    {
        Span<byte> header = stackalloc byte[16];
        while (s.Position + 8 <= end)
        {
            var start = s.Position;
            if (!ReadExactly(s, header[..8])) return null;
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.ASCII.GetString(header.Slice(4, 4));
            var headerLength = 8;
            if (size == 1)
            {
                if (!ReadExactly(s, header.Slice(8, 8))) return null;
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.Slice(8, 8));
                headerLength = 16;
            }
            else if (size == 0) size = end - start; // the box runs to the end of its parent
            if (size < headerLength || start + size > end) return null;

            if (type == "mvhd") return ReadMvhd(s, start + size);
            if (type == "moov" && depth == 0)
            {
                var found = FindMvhd(s, start + size, depth + 1);
                if (found is not null) return found;
            }
            s.Position = start + size;
        }
        return null;
    }

    private static double? ReadMvhd(Stream s, long end)
    {
        Span<byte> body = stackalloc byte[32];
        if (!ReadExactly(s, body[..4])) return null;
        var version = body[0];
        var length = version == 1 ? 28 : 16; // creation, modification, timescale, duration
        if (s.Position + length > end || !ReadExactly(s, body[..length])) return null;
        uint timescale;
        ulong duration;
        if (version == 1)
        {
            timescale = BinaryPrimitives.ReadUInt32BigEndian(body.Slice(16, 4));
            duration = BinaryPrimitives.ReadUInt64BigEndian(body.Slice(20, 8));
        }
        else
        {
            timescale = BinaryPrimitives.ReadUInt32BigEndian(body.Slice(8, 4));
            duration = BinaryPrimitives.ReadUInt32BigEndian(body.Slice(12, 4));
            if (duration == uint.MaxValue) return null; // "unknown" in version 0
        }
        if (timescale == 0 || (version == 1 && duration == ulong.MaxValue)) return null;
        return (double)duration / timescale;
    }

    private static bool ReadExactly(Stream s, Span<byte> buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = s.Read(buffer[read..]);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }
}
