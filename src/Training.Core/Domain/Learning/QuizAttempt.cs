using System.Security.Cryptography;

namespace Training.Core.Domain;

/// <summary>
/// One attempt of a learner at a quiz lesson (LEARNING.md §4). It draws its questions from the
/// course's bank, shuffling their order and each choice question's options, and keeps what it
/// showed, so that the answers sent back by shown index are scored on the server against the
/// original options. The pass mark is copied in when it starts: changing the rules later does
/// not change a result already given. A time limit is enforced here, not by the page's clock.
/// </summary>
public sealed class QuizAttempt
{
    /// <summary>Seconds after <see cref="DueAt"/> a submission still counts: the page submits at zero, a slow phone network may take this long.</summary>
    public const int GraceSeconds = 30;

    private QuizAttempt() { }

    public int Id { get; private set; }
    /// <summary>128 random bits, URL-safe: what the page and its submission carry.</summary>
    public string PublicId { get; private set; } = "";
    public int PersonId { get; private set; }
    public int LessonId { get; private set; }
    /// <summary>1, 2, 3 … for this person and lesson.</summary>
    public int Number { get; private set; }
    /// <summary>The rules' pass mark when the attempt started.</summary>
    public int PassPercent { get; private set; }
    public DateTime StartedAt { get; private set; }
    /// <summary>When the time limit ends; null when the quiz has none.</summary>
    public DateTime? DueAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public int? ScorePercent { get; private set; }
    public bool Passed { get; private set; }
    /// <summary>The questions in the order shown.</summary>
    public List<QuizItem> Items { get; private set; } = [];

    public bool IsSubmitted => SubmittedAt is not null;

    /// <summary>Submitted after the time limit and its grace: every answer was discarded.</summary>
    public bool SubmittedLate => SubmittedAt is { } at && IsOverdue(at);

    /// <summary>Not submitted and still within its time (grace included): the learner goes on with it.</summary>
    public bool IsOpen(DateTime now) => !IsSubmitted && !IsOverdue(now);

    /// <summary>The attempt the learner should resume instead of starting another, if any.</summary>
    public static QuizAttempt? OpenOf(IReadOnlyList<QuizAttempt> earlier, DateTime now) =>
        earlier.Where(a => a.IsOpen(now)).MaxBy(a => a.Number);

    /// <summary>
    /// Attempts still to start (null: no limit). Every attempt started counts, the one in progress
    /// and one left to run out of time included: else walking away from a timed attempt would show
    /// a fresh draw of questions for free.
    /// </summary>
    public static int? AttemptsLeft(QuizRules rules, IReadOnlyList<QuizAttempt> earlier) =>
        rules.MaxAttempts is { } max ? Math.Max(0, max - earlier.Count) : null;

    /// <summary>
    /// Starts the next attempt of a person at a quiz lesson. <paramref name="earlier"/> are that
    /// person's attempts at this lesson; <paramref name="bank"/> the course's questions. Refused once
    /// passed, while an attempt is open (resume it: <see cref="OpenOf"/>), when the attempts are used up
    /// (<see cref="AttemptsLeft"/>) or when the bank holds fewer questions than an attempt draws.
    /// </summary>
    public static QuizAttempt Start(int personId, int lessonId, QuizRules rules, IReadOnlyList<Question> bank,
        IReadOnlyList<QuizAttempt> earlier, Random random, DateTime now)
    {
        if (earlier.Any(a => a.PersonId != personId || a.LessonId != lessonId))
            throw new ArgumentException("Earlier attempts must be this person's at this lesson.", nameof(earlier));
        if (earlier.Any(a => a.Passed)) throw new DomainException("你已通过本测验，无需再测。");
        if (OpenOf(earlier, now) is not null) throw new DomainException("你有一次测验尚未交卷，请继续作答。");
        if (AttemptsLeft(rules, earlier) == 0)
            throw new DomainException($"本测验最多可作答 {rules.MaxAttempts} 次，次数已用完。");
        var questions = bank.DistinctBy(q => q.Id).ToList();
        if (questions.Count < rules.DrawCount)
            throw new DomainException($"题库题目不足：本测验每次抽 {rules.DrawCount} 题，题库只有 {questions.Count} 题。");

        Shuffle(questions, random);
        var items = questions.Take(rules.DrawCount).Select((q, i) =>
        {
            var order = Enumerable.Range(0, q.Options.Count).ToList();
            if (q.Kind != QuestionKind.TrueFalse) Shuffle(order, random);
            return new QuizItem(q.Id, i + 1, order);
        });

        return new QuizAttempt
        {
            PublicId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            PersonId = personId,
            LessonId = lessonId,
            Number = earlier.Count == 0 ? 1 : earlier.Max(a => a.Number) + 1,
            PassPercent = rules.PassPercent,
            StartedAt = now,
            DueAt = rules.TimeLimitMinutes is { } minutes ? now.AddMinutes(minutes) : null,
            Items = [.. items],
        };
    }

    /// <summary>
    /// Scores the attempt on the server. <paramref name="answers"/> maps a question id to the SHOWN
    /// option indexes chosen; <paramref name="questions"/> holds at least this attempt's questions.
    /// Answers to other questions and shown indexes out of range are ignored; a question is right
    /// only when the chosen set is exactly its right set (so two choices on a 单选题 are wrong).
    /// Past <see cref="DueAt"/> and its grace every answer is discarded and the score is 0.
    /// </summary>
    public void Submit(IReadOnlyDictionary<int, IReadOnlyList<int>> answers, IReadOnlyList<Question> questions, DateTime now)
    {
        if (IsSubmitted) throw new DomainException("本次测验已交卷。");
        var byId = questions.DistinctBy(q => q.Id).ToDictionary(q => q.Id);
        var late = IsOverdue(now);

        foreach (var item in Items)
        {
            if (!byId.TryGetValue(item.QuestionId, out var question))
                throw new ArgumentException($"Question {item.QuestionId} of the attempt is missing.", nameof(questions));
            var chosen = late || !answers.TryGetValue(item.QuestionId, out var shown)
                ? []
                : shown.Where(i => i >= 0 && i < item.OptionOrder.Count)
                    .Select(i => item.OptionOrder[i])
                    .Where(o => o < question.Options.Count)
                    .Distinct().Order().ToList();
            item.Answer(chosen, chosen.Count > 0 && chosen.SequenceEqual(question.Correct));
        }

        var right = Items.Count(i => i.Correct);
        ScorePercent = Items.Count == 0 ? 0 : (200 * right + Items.Count) / (2 * Items.Count);
        Passed = ScorePercent >= PassPercent;
        SubmittedAt = now;
    }

    /// <summary>
    /// Whether the page may show the right answers and explanations: only once this attempt passed
    /// or the learner has no attempt left. Before that it shows only which answers were wrong.
    /// <paramref name="submittedCount"/> is the learner's attempts at this lesson that are over:
    /// submitted (or left past their time), never one still open, whose questions the answers would give away.
    /// </summary>
    public bool MayRevealAnswers(int? maxAttempts, int submittedCount) =>
        IsSubmitted && (Passed || maxAttempts is { } max && submittedCount >= max);

    private bool IsOverdue(DateTime now) => DueAt is { } due && now > due.AddSeconds(GraceSeconds);

    /// <summary>Fisher–Yates with the given generator, so a seeded one gives the same order every time.</summary>
    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
