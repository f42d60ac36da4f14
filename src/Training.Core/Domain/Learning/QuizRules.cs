namespace Training.Core.Domain;

/// <summary>
/// How a quiz lesson is taken (LEARNING.md §4): how many questions each attempt draws from the
/// course's bank, the pass mark in percent, how many attempts a learner has (null: no limit) and
/// the time an attempt may take (null: no limit). Built through <see cref="Create"/>, which names
/// the field a wrong value belongs to.
/// </summary>
public sealed record QuizRules
{
    public const int MaxDrawCount = 100, MaxAttemptsLimit = 20, MaxTimeLimitMinutes = 180;

    private QuizRules() { }

    public int DrawCount { get; init; }
    public int PassPercent { get; init; }
    public int? MaxAttempts { get; init; }
    public int? TimeLimitMinutes { get; init; }

    public static QuizRules Create(int drawCount, int passPercent, int? maxAttempts, int? timeLimitMinutes)
    {
        if (drawCount is < 1 or > MaxDrawCount)
            throw new DomainException($"每次抽题数应在 1 到 {MaxDrawCount} 之间。", nameof(DrawCount));
        if (passPercent is < 1 or > 100)
            throw new DomainException("及格分应在 1% 到 100% 之间。", nameof(PassPercent));
        if (maxAttempts is < 1 or > MaxAttemptsLimit)
            throw new DomainException($"作答次数应在 1 到 {MaxAttemptsLimit} 次之间，不限次数请留空。", nameof(MaxAttempts));
        if (timeLimitMinutes is < 1 or > MaxTimeLimitMinutes)
            throw new DomainException($"限时应在 1 到 {MaxTimeLimitMinutes} 分钟之间，不限时请留空。", nameof(TimeLimitMinutes));
        return new QuizRules
        {
            DrawCount = drawCount,
            PassPercent = passPercent,
            MaxAttempts = maxAttempts,
            TimeLimitMinutes = timeLimitMinutes,
        };
    }
}
