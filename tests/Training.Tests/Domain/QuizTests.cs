using Training.Core.Domain;
using static Training.Tests.Domain.QuizFixture;

namespace Training.Tests.Domain;

/// <summary>LEARNING.md §4: a quiz's rules, how an attempt draws and shuffles its questions, and how the server scores it.</summary>
public sealed class QuizTests
{
    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    // ---------------------------------------------------------------- rules

    [Theory]
    [InlineData(0, 60, null, null, nameof(QuizRules.DrawCount))]
    [InlineData(101, 60, null, null, nameof(QuizRules.DrawCount))]
    [InlineData(10, 0, null, null, nameof(QuizRules.PassPercent))]
    [InlineData(10, 101, null, null, nameof(QuizRules.PassPercent))]
    [InlineData(10, 60, 0, null, nameof(QuizRules.MaxAttempts))]
    [InlineData(10, 60, 21, null, nameof(QuizRules.MaxAttempts))]
    [InlineData(10, 60, 3, 0, nameof(QuizRules.TimeLimitMinutes))]
    [InlineData(10, 60, 3, 181, nameof(QuizRules.TimeLimitMinutes))]
    public void Rules_out_of_their_range_are_refused_naming_the_field(int draw, int pass, int? max, int? minutes, string field) =>
        Assert.Equal(field, Refused(() => QuizRules.Create(draw, pass, max, minutes)).Field);

    [Fact]
    public void Rules_at_their_bounds_are_kept()
    {
        Assert.Equal(QuizRules.Create(100, 100, 20, 180), QuizRules.Create(100, 100, 20, 180));
        var least = QuizRules.Create(1, 1, 1, 1);
        Assert.Equal((1, 1, 1, 1), (least.DrawCount, least.PassPercent, least.MaxAttempts, least.TimeLimitMinutes));
        Assert.Null(QuizRules.Create(10, 60, null, null).MaxAttempts);
    }

    // ---------------------------------------------------------------- drawing

    [Fact]
    public void An_attempt_draws_its_count_of_distinct_questions_from_the_bank()
    {
        var bank = Bank(20);

        var a = Start(Rules(draw: 8, pass: 70, minutes: 20), bank);

        Assert.Equal(8, a.Items.Select(i => i.QuestionId).Distinct().Count());
        Assert.All(a.Items, i => Assert.Contains(i.QuestionId, bank.Select(q => q.Id)));
        Assert.Equal(Enumerable.Range(1, 8), a.Items.Select(i => i.Position));
        Assert.Equal((1, 70, T0, T0.AddMinutes(20)), (a.Number, a.PassPercent, a.StartedAt, a.DueAt));
        Assert.Matches("^[A-Za-z0-9_-]{22}$", a.PublicId);
        Assert.All(a.Items, i => Assert.Empty(i.Chosen));
    }

    [Fact]
    public void The_same_seed_draws_the_same_and_another_seed_draws_otherwise()
    {
        var bank = Bank(30);
        IEnumerable<(int, string)> Draw(int seed) =>
            Start(Rules(draw: 10), bank, seed: seed).Items.Select(i => (i.QuestionId, string.Join(",", i.OptionOrder)));

        Assert.Equal(Draw(1), Draw(1));
        Assert.NotEqual(Draw(1), Draw(2));
        Assert.NotEqual(Draw(1).Select(x => x.Item1).Order(), Draw(1).Select(x => x.Item1));
    }

    [Fact]
    public void Choice_options_are_shuffled_but_true_false_keeps_right_first()
    {
        var bank = Bank(30, QuestionKind.Single, QuestionKind.Multiple, QuestionKind.TrueFalse);
        var a = Start(Rules(draw: 30), bank);
        var kinds = bank.ToDictionary(q => q.Id, q => q.Kind);

        var trueFalse = a.Items.Where(i => kinds[i.QuestionId] == QuestionKind.TrueFalse).ToList();
        var choices = a.Items.Where(i => kinds[i.QuestionId] != QuestionKind.TrueFalse).ToList();
        Assert.Equal(10, trueFalse.Count);
        Assert.All(trueFalse, i => Assert.Equal([0, 1], i.OptionOrder));
        Assert.All(choices, i => Assert.Equal(Enumerable.Range(0, i.OptionOrder.Count), i.OptionOrder.Order()));
        Assert.Contains(choices, i => !i.OptionOrder.SequenceEqual(Enumerable.Range(0, i.OptionOrder.Count)));
    }

    [Fact]
    public void A_bank_smaller_than_the_draw_is_refused()
    {
        var e = Refused(() => Start(Rules(draw: 10), Bank(9)));

        Assert.StartsWith("题库题目不足", e.Message);
    }

    // ---------------------------------------------------------------- scoring

    [Fact]
    public void Right_answers_given_by_shown_index_score_full_marks()
    {
        var bank = Bank(12, QuestionKind.Single, QuestionKind.Multiple, QuestionKind.TrueFalse);
        var a = Start(Rules(draw: 12), bank);

        a.Submit(Answers(a, bank), bank, T0.AddMinutes(3));

        Assert.Equal((100, true, T0.AddMinutes(3)), (a.ScorePercent, a.Passed, a.SubmittedAt));
        Assert.All(a.Items, i => Assert.Equal(bank.Single(q => q.Id == i.QuestionId).Correct, i.Chosen));
    }

    [Fact]
    public void The_shown_index_is_mapped_back_to_the_original_option()
    {
        var bank = Bank(10);
        var a = Start(Rules(draw: 10), bank);
        var item = a.Items.First(i => i.ShownIndexOf(bank.Single(q => q.Id == i.QuestionId).Correct[0]) != bank.Single(q => q.Id == i.QuestionId).Correct[0]);
        var right = bank.Single(q => q.Id == item.QuestionId).Correct[0];

        a.Submit(new Dictionary<int, IReadOnlyList<int>> { [item.QuestionId] = [right] }, bank, T0.AddMinutes(1));

        Assert.False(item.Correct);
        Assert.Equal([item.OptionOrder[right]], item.Chosen);
    }

    [Fact]
    public void A_multiple_choice_scores_only_on_the_exact_set()
    {
        var bank = Bank(3, QuestionKind.Multiple);
        var a = Start(Rules(draw: 3), bank);
        int[] Shown(QuizItem i, params int[] originals) => [.. originals.Select(i.ShownIndexOf)];
        var (x, y, z) = (a.Items[0], a.Items[1], a.Items[2]);

        a.Submit(new Dictionary<int, IReadOnlyList<int>>
        {
            [x.QuestionId] = Shown(x, 3, 1),       // exactly 乙 and 丁
            [y.QuestionId] = Shown(y, 1),          // one missing
            [z.QuestionId] = Shown(z, 1, 3, 4),    // one too many
        }, bank, T0.AddMinutes(1));

        Assert.Equal((true, false, false), (x.Correct, y.Correct, z.Correct));
        Assert.Equal(33, a.ScorePercent);
    }

    [Fact]
    public void Out_of_range_indexes_and_unknown_questions_are_ignored()
    {
        var bank = Bank(2, QuestionKind.Single, QuestionKind.TrueFalse);
        var a = Start(Rules(draw: 2), bank);
        var answers = Answers(a, bank);
        var first = a.Items[0];
        answers[first.QuestionId] = [-1, .. answers[first.QuestionId], 4, 99];
        answers[999] = [0];

        a.Submit(answers, bank, T0.AddMinutes(1));

        Assert.True(first.Correct);
        Assert.Equal(100, a.ScorePercent);
    }

    [Fact]
    public void Two_choices_on_a_single_or_true_false_question_are_wrong_and_no_answer_is_wrong()
    {
        var bank = Bank(3, QuestionKind.Single, QuestionKind.TrueFalse);
        var a = Start(Rules(draw: 3), bank);

        a.Submit(a.Items.Take(2).ToDictionary(i => i.QuestionId, IReadOnlyList<int> (_) => [0, 1]), bank, T0.AddMinutes(1));

        Assert.All(a.Items, i => Assert.False(i.Correct));
        Assert.Empty(a.Items[2].Chosen);
        Assert.Equal((0, false), (a.ScorePercent, a.Passed));
    }

    [Theory]
    [InlineData(10, 6, 60, 60, true)]
    [InlineData(10, 5, 60, 50, false)]
    [InlineData(3, 2, 67, 67, true)]    // 66.7 rounds to 67
    [InlineData(8, 1, 13, 13, true)]    // 12.5 rounds half up
    [InlineData(8, 7, 88, 88, true)]    // 87.5 rounds half up
    [InlineData(3, 1, 34, 33, false)]
    public void The_score_is_rounded_half_up_and_exactly_the_pass_mark_passes(int draw, int right, int pass, int score, bool passed)
    {
        var a = Submitted(Rules(draw: draw, pass: pass), Bank(draw), right);

        Assert.Equal((score, passed), (a.ScorePercent, a.Passed));
    }
}
