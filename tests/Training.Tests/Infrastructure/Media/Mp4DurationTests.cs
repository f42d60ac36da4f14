using System.Buffers.Binary;
using System.Text;
using Training.Web.Infrastructure.Media;
using static Training.Tests.Infrastructure.Builders.TestMedia;

namespace Training.Tests.Infrastructure.Media;

/// <summary>A video lesson's duration is read from the file's movie header, wherever the file keeps it.</summary>
public sealed class Mp4DurationTests
{
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
