using System.Security.Cryptography;

namespace Training.Core.Domain;

/// <summary>
/// One opening of a lesson by a learner (LEARNING.md §3): the page gets an unguessable public id,
/// and every heartbeat of the player is credited here by the server's rules, never by what the
/// browser claims alone. A heartbeat earns min(position − previous position, server time since the
/// previous heartbeat, 30 s), and only when the previous heartbeat said the lesson was playing in a
/// visible page and this is the learner's newest playback; never negative, so a backwards seek,
/// a hidden page, a 2× player, a second tab or a replayed id earns nothing more than real time.
/// </summary>
public sealed class Playback
{
    /// <summary>The longest interval one heartbeat can credit: the player beats every 15 s, so a missed beat or two is forgiven, an hour away is not.</summary>
    public const double MaxCreditSeconds = 30;

    private Playback() { }

    public int Id { get; private set; }
    /// <summary>128 random bits, URL-safe: what the page and the heartbeats carry.</summary>
    public string PublicId { get; private set; } = "";
    public int PersonId { get; private set; }
    public int LessonId { get; private set; }
    /// <summary>The lesson's duration when the playback opened: positions are held within it.</summary>
    public int DurationSeconds { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public DateTime? LastBeatAt { get; private set; }
    public PlaybackState? LastState { get; private set; }
    public double LastPosition { get; private set; }
    public double FurthestPosition { get; private set; }
    public double CreditedSeconds { get; private set; }
    /// <summary>Heartbeats received: the row's concurrency token, so two copies of one heartbeat sent at once cannot both be credited.</summary>
    public int Beats { get; private set; }

    public static Playback Open(int personId, int lessonId, int durationSeconds, double resumeAt, DateTime now)
    {
        if (durationSeconds < 0) throw new DomainException("课时长度不能为负数。");
        var start = Math.Clamp(resumeAt, 0, durationSeconds);
        return new Playback
        {
            PublicId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            PersonId = personId,
            LessonId = lessonId,
            DurationSeconds = durationSeconds,
            OpenedAt = now,
            LastPosition = start,
            FurthestPosition = start,
        };
    }

    /// <summary>
    /// Credits one heartbeat and returns the seconds it earned. <paramref name="isNewest"/> is whether
    /// this is the learner's newest playback (another tab or phone opened since makes it false).
    /// </summary>
    public double Beat(double position, PlaybackState state, DateTime now, bool isNewest)
    {
        if (double.IsNaN(position) || double.IsInfinity(position) || position < 0)
            throw new DomainException("播放位置无效。", nameof(position));
        position = Math.Min(position, DurationSeconds);

        var credit = 0d;
        if (LastBeatAt is { } previous && LastState == PlaybackState.Playing && isNewest)
        {
            var elapsed = Math.Max(0, (now - previous).TotalSeconds);
            credit = Math.Max(0, Math.Min(Math.Min(position - LastPosition, elapsed), MaxCreditSeconds));
        }

        LastBeatAt = now > (LastBeatAt ?? DateTime.MinValue) ? now : LastBeatAt;
        LastState = state;
        LastPosition = position;
        FurthestPosition = Math.Max(FurthestPosition, position);
        CreditedSeconds += credit;
        Beats++;
        return credit;
    }
}
