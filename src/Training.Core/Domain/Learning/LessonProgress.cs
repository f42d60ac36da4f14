namespace Training.Core.Domain;

/// <summary>
/// A learner's standing in one lesson, summed over every playback (LEARNING.md §3): seconds the
/// server credited, the furthest position reached, where to resume, and when it was completed.
/// A video completes when the furthest position is at least 95% of its duration and the credited
/// seconds at least 80%; a text or a file when the credited (visible) time is at least 60% and
/// the learner pressed 已学完; a quiz when passed; an external video never by time.
/// </summary>
public sealed class LessonProgress
{
    public const double VideoReached = 0.95, VideoCredited = 0.80, ReadCredited = 0.60;

    private LessonProgress() { }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public int LessonId { get; private set; }
    public double CreditedSeconds { get; private set; }
    public double FurthestPosition { get; private set; }
    /// <summary>继续学习 starts here.</summary>
    public double ResumePosition { get; private set; }
    public bool MarkedRead { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public bool IsCompleted => CompletedAt is not null;

    public static LessonProgress Start(int personId, int lessonId) => new() { PersonId = personId, LessonId = lessonId };

    /// <summary>Adds what one heartbeat earned and where the player stood; completes the lesson when its rule is met.</summary>
    public void Record(double credited, double position, LessonKind kind, int durationSeconds, DateTime now)
    {
        if (credited < 0) throw new DomainException("计入时长不能为负数。");
        CreditedSeconds += credited;
        FurthestPosition = Math.Max(FurthestPosition, position);
        ResumePosition = position >= durationSeconds ? 0 : position;
        CompleteIfDue(kind, durationSeconds, now);
    }

    /// <summary>已学完 on a text or a file: completes only when enough visible time was credited.</summary>
    public void MarkRead(LessonKind kind, int durationSeconds, DateTime now)
    {
        if (kind is not (LessonKind.Text or LessonKind.File)) throw new DomainException("只有文本和文件课时需要点“已学完”。");
        MarkedRead = true;
        CompleteIfDue(kind, durationSeconds, now);
    }

    /// <summary>A quiz lesson completes when its quiz is passed.</summary>
    public void PassQuiz(DateTime now) => CompletedAt ??= now;

    /// <summary>How much more visible time a text or file needs before 已学完 counts (0 when enough).</summary>
    public double SecondsStillNeeded(LessonKind kind, int durationSeconds) => kind switch
    {
        LessonKind.Text or LessonKind.File => Math.Max(0, ReadCredited * durationSeconds - CreditedSeconds),
        LessonKind.Video => Math.Max(0, VideoCredited * durationSeconds - CreditedSeconds),
        _ => 0,
    };

    private void CompleteIfDue(LessonKind kind, int durationSeconds, DateTime now)
    {
        if (IsCompleted) return;
        var due = kind switch
        {
            LessonKind.Video => FurthestPosition >= VideoReached * durationSeconds && CreditedSeconds >= VideoCredited * durationSeconds,
            LessonKind.Text or LessonKind.File => MarkedRead && CreditedSeconds >= ReadCredited * durationSeconds,
            _ => false,
        };
        if (due) CompletedAt = now;
    }
}
