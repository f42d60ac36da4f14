using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>LEARNING.md §3: every credited second is measured by the server, whatever the player claims.</summary>
public sealed class PlaybackTests
{
    private static readonly DateTime T0 = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

    private static Playback Open(int duration = 600, double resumeAt = 0) => Playback.Open(1, 2, duration, resumeAt, T0);

    [Fact]
    public void Playing_at_real_speed_earns_the_time_played()
    {
        var p = Open();

        Assert.Equal(0, p.Beat(0, PlaybackState.Playing, T0, isNewest: true));
        Assert.Equal(15, p.Beat(15, PlaybackState.Playing, T0.AddSeconds(15), isNewest: true));
        Assert.Equal(15, p.Beat(30, PlaybackState.Paused, T0.AddSeconds(30), isNewest: true));
        Assert.Equal(30, p.CreditedSeconds);
    }

    [Fact]
    public void The_first_heartbeat_earns_nothing()
    {
        var p = Open();

        Assert.Equal(0, p.Beat(15, PlaybackState.Playing, T0.AddSeconds(15), isNewest: true));
    }

    [Fact]
    public void A_jump_forward_earns_only_the_time_that_passed_on_the_server()
    {
        var p = Open();
        p.Beat(0, PlaybackState.Playing, T0, isNewest: true);

        var credit = p.Beat(570, PlaybackState.Playing, T0.AddSeconds(15), isNewest: true);

        Assert.Equal(15, credit);
        Assert.Equal(570, p.FurthestPosition);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public void A_faster_player_earns_real_time_only(int speed)
    {
        var p = Open(duration: 3600);
        p.Beat(0, PlaybackState.Playing, T0, isNewest: true);

        var credit = p.Beat(15 * speed, PlaybackState.Playing, T0.AddSeconds(15), isNewest: true);

        Assert.Equal(15, credit);
    }

    [Fact]
    public void A_long_silence_earns_at_most_30_seconds()
    {
        var p = Open(duration: 7200);
        p.Beat(0, PlaybackState.Playing, T0, isNewest: true);

        Assert.Equal(Playback.MaxCreditSeconds, p.Beat(3600, PlaybackState.Playing, T0.AddHours(1), isNewest: true));
    }

    [Fact]
    public void Heartbeats_faster_than_the_clock_earn_only_the_clock()
    {
        var p = Open();
        p.Beat(0, PlaybackState.Playing, T0, isNewest: true);

        var total = Enumerable.Range(1, 10).Sum(i => p.Beat(i * 15, PlaybackState.Playing, T0.AddSeconds(i), isNewest: true));

        Assert.Equal(10, total, precision: 6);
    }

    [Fact]
    public void A_backwards_seek_earns_nothing_and_never_takes_away()
    {
        var p = Open();
        p.Beat(300, PlaybackState.Playing, T0, isNewest: true);

        Assert.Equal(0, p.Beat(100, PlaybackState.Playing, T0.AddSeconds(15), isNewest: true));
        Assert.Equal(15, p.Beat(115, PlaybackState.Playing, T0.AddSeconds(30), isNewest: true));
        Assert.Equal((15d, 300d, 115d), (p.CreditedSeconds, p.FurthestPosition, p.LastPosition));
    }

    [Theory]
    [InlineData(PlaybackState.Hidden)]
    [InlineData(PlaybackState.Paused)]
    [InlineData(PlaybackState.Ended)]
    public void Time_after_the_page_was_hidden_paused_or_ended_earns_nothing(PlaybackState said)
    {
        var p = Open();
        p.Beat(0, PlaybackState.Playing, T0, isNewest: true);
        p.Beat(15, said, T0.AddSeconds(15), isNewest: true);

        Assert.Equal(0, p.Beat(45, PlaybackState.Playing, T0.AddSeconds(45), isNewest: true));
    }

    [Fact]
    public void An_older_playback_earns_nothing_once_a_newer_one_is_open()
    {
        var p = Open();
        p.Beat(0, PlaybackState.Playing, T0, isNewest: true);

        Assert.Equal(0, p.Beat(15, PlaybackState.Playing, T0.AddSeconds(15), isNewest: false));
    }

    [Fact]
    public void A_position_past_the_end_counts_as_the_end()
    {
        var p = Open(duration: 20);
        p.Beat(10, PlaybackState.Playing, T0, isNewest: true);

        Assert.Equal(10, p.Beat(9_999, PlaybackState.Ended, T0.AddSeconds(15), isNewest: true));
        Assert.Equal(20, p.FurthestPosition);
    }

    [Fact]
    public void A_clock_that_goes_back_earns_nothing()
    {
        var p = Open();
        p.Beat(0, PlaybackState.Playing, T0, isNewest: true);

        Assert.Equal(0, p.Beat(15, PlaybackState.Playing, T0.AddSeconds(-15), isNewest: true));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1)]
    public void A_position_that_is_no_position_is_refused(double position)
    {
        var p = Open();

        Assert.Throws<DomainException>(() => p.Beat(position, PlaybackState.Playing, T0, isNewest: true));
    }

    [Fact]
    public void Every_playback_gets_its_own_unguessable_id()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Open().PublicId).ToHashSet();

        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{22}$", id));
    }
}
