using System.Buffers.Binary;
using System.Text;
using Training.Web.Infrastructure.Media;

namespace Training.Tests.Infrastructure.Media;

/// <summary>A video lesson's duration is read from the file's movie header, wherever the file keeps it.</summary>
public sealed class Mp4DurationTests
{
    private static byte[] Box(string type, params byte[][] content)
    {
        var body = content.SelectMany(c => c).ToArray();
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    private static byte[] Mvhd(uint timescale, ulong duration, bool version1 = false)
    {
        var body = new byte[version1 ? 4 + 28 + 80 : 4 + 16 + 80];
        body[0] = (byte)(version1 ? 1 : 0);
        if (version1)
        {
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(4 + 16), timescale);
            BinaryPrimitives.WriteUInt64BigEndian(body.AsSpan(4 + 20), duration);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(4 + 8), timescale);
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(4 + 12), (uint)duration);
        }
        return Box("mvhd", body);
    }

    private static readonly byte[] Ftyp = Box("ftyp", Encoding.ASCII.GetBytes("isom\0\0\0\0isomavc1"));

    private static double? Read(params byte[][] boxes) => Mp4Duration.Read(new MemoryStream(boxes.SelectMany(b => b).ToArray()));

    [Fact]
    public void Reads_the_duration_when_the_movie_header_comes_first()
    {
        Assert.Equal(754.5, Read(Ftyp, Box("moov", Mvhd(1000, 754_500)), Box("mdat", new byte[4096])));
    }

    [Fact]
    public void Reads_the_duration_when_the_movie_header_comes_after_the_media_data()
    {
        Assert.Equal(90, Read(Ftyp, Box("free", new byte[16]), Box("mdat", new byte[100_000]), Box("moov", Box("udta", new byte[8]), Mvhd(600, 54_000))));
    }

    [Fact]
    public void Reads_a_version_1_header_and_a_64_bit_box_size()
    {
        var mdat = new byte[16 + 32];
        BinaryPrimitives.WriteUInt32BigEndian(mdat, 1);
        Encoding.ASCII.GetBytes("mdat").CopyTo(mdat, 4);
        BinaryPrimitives.WriteUInt64BigEndian(mdat.AsSpan(8), (ulong)mdat.Length);

        Assert.Equal(3 * 3600, Read(Ftyp, mdat, Box("moov", Mvhd(90_000, 3UL * 3600 * 90_000, version1: true))));
    }

    [Fact]
    public void Says_nothing_for_a_file_that_is_no_mp4_or_is_cut_short()
    {
        Assert.Null(Mp4Duration.Read(new MemoryStream(Encoding.UTF8.GetBytes("这不是视频文件"))));
        Assert.Null(Read(Ftyp, Box("mdat", new byte[64])));
        var whole = new[] { Ftyp, Box("moov", Mvhd(1000, 5000)) }.SelectMany(b => b).ToArray();
        Assert.Null(Mp4Duration.Read(new MemoryStream(whole[..^60])));
        Assert.Null(Read(Ftyp, Box("moov", Mvhd(0, 5000))));
    }

    [Fact]
    public void Skips_the_media_data_instead_of_reading_it()
    {
        var file = new CountingStream(new[] { Ftyp, Box("mdat", new byte[5_000_000]), Box("moov", Mvhd(1000, 60_000)) }.SelectMany(b => b).ToArray());

        Assert.Equal(60, Mp4Duration.Read(file));
        Assert.True(file.BytesRead < 1_000, $"read {file.BytesRead} bytes");
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            BytesRead += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }
    }
}
