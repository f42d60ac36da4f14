using Training.Core.Domain;
using static Training.Tests.Domain.QuizFixture;

namespace Training.Tests.Domain;

/// <summary>LEARNING.md §4: attempts limited in number and time, submitted once, and right answers revealed only once passed or out of attempts.</summary>
public sealed class QuizLimitsTests
{
    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    // ---------------------------------------------------------------- limits

    [Fact]
    public void Attempts_are_numbered_and_refused_once_the_limit_is_used()
    {
        var (bank, rules) = (Bank(5), Rules(max: 2));
        var first = Submitted(rules, bank, right: 0);
        Assert.Equal(1, QuizAttempt.AttemptsLeft(rules, [first]));

        var second = Submitted(rules, bank, right: 0, [first]);

        Assert.Equal(2, second.Number);
        Assert.Equal(0, QuizAttempt.AttemptsLeft(rules, [first, second]));
        Assert.Contains("次数已用完", Refused(() => Start(rules, bank, [first, second])).Message);
        Assert.Null(QuizAttempt.AttemptsLeft(Rules(), [first, second]));
        Assert.Equal(3, Start(Rules(), bank, [first, second]).Number);
    }

    [Fact]
    public void A_learner_who_passed_may_not_start_again()
    {
        var bank = Bank(5);
        var passed = Submitted(Rules(), bank, right: 5);

        Assert.Contains("已通过", Refused(() => Start(Rules(), bank, [passed])).Message);
    }

    [Fact]
    public void An_open_attempt_is_resumed_not_started_again()
    {
        var bank = Bank(5);
        var open = Start(Rules(), bank);

        Assert.Same(open, QuizAttempt.OpenOf([open], T0.AddDays(30)));
        Assert.Contains("继续作答", Refused(() => Start(Rules(), bank, [open], at: T0.AddDays(30))).Message);
        open.Submit(Answers(open, bank, 0), bank, T0.AddMinutes(5));
        Assert.Null(QuizAttempt.OpenOf([open], T0.AddMinutes(5)));
    }

    [Fact]
    public void A_timed_attempt_left_past_its_time_and_grace_counts_as_used()
    {
        var (bank, rules) = (Bank(5), Rules(max: 2, minutes: 10));
        var left = Start(rules, bank);
        var graceEnds = T0.AddMinutes(10).AddSeconds(QuizAttempt.GraceSeconds);

        Assert.Same(left, QuizAttempt.OpenOf([left], graceEnds));
        Refused(() => Start(rules, bank, [left], at: graceEnds));
        Assert.Null(QuizAttempt.OpenOf([left], graceEnds.AddSeconds(1)));

        var next = Start(rules, bank, [left], at: graceEnds.AddSeconds(1));
        Assert.Equal(2, next.Number);
        Assert.Equal(0, QuizAttempt.AttemptsLeft(rules, [left, next]));
    }

    // ---------------------------------------------------------------- time, second submission, reveal

    [Fact]
    public void A_submission_within_the_grace_counts_and_one_after_it_scores_nothing()
    {
        var bank = Bank(5);
        var due = T0.AddMinutes(10);
        var onTime = Start(Rules(minutes: 10), bank);
        var late = Start(Rules(minutes: 10), bank);

        onTime.Submit(Answers(onTime, bank), bank, due.AddSeconds(QuizAttempt.GraceSeconds));
        late.Submit(Answers(late, bank), bank, due.AddSeconds(QuizAttempt.GraceSeconds + 1));

        Assert.Equal((100, true, false), (onTime.ScorePercent, onTime.Passed, onTime.SubmittedLate));
        Assert.Equal((0, false, true), (late.ScorePercent, late.Passed, late.SubmittedLate));
        Assert.All(late.Items, i => Assert.Empty(i.Chosen));
    }

    [Fact]
    public void An_attempt_is_submitted_once()
    {
        var bank = Bank(5);
        var a = Submitted(Rules(), bank, right: 0);

        var e = Refused(() => a.Submit(Answers(a, bank), bank, T0.AddMinutes(2)));

        Assert.Equal("本次测验已交卷。", e.Message);
        Assert.Equal(0, a.ScorePercent);
    }

    [Fact]
    public void Right_answers_are_revealed_only_once_passed_or_out_of_attempts()
    {
        var bank = Bank(5);
        var failed = Submitted(Rules(), bank, right: 1);
        var passed = Submitted(Rules(), bank, right: 5);

        Assert.False(failed.MayRevealAnswers(maxAttempts: 3, submittedCount: 2));
        Assert.True(failed.MayRevealAnswers(maxAttempts: 3, submittedCount: 3));
        Assert.False(failed.MayRevealAnswers(maxAttempts: null, submittedCount: 20));
        Assert.True(passed.MayRevealAnswers(maxAttempts: 3, submittedCount: 1));
        Assert.True(passed.MayRevealAnswers(maxAttempts: null, submittedCount: 1));
        Assert.False(Start(Rules(max: 1), bank).MayRevealAnswers(maxAttempts: 1, submittedCount: 1));
    }
}
