using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>A saved question bank and attempts of one learner at one quiz lesson, for <see cref="QuizTests"/> and <see cref="QuizLimitsTests"/>.</summary>
internal static class QuizFixture
{
    internal static readonly DateTime T0 = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);
    private const int PersonId = 11, LessonId = 22;

    internal static QuizRules Rules(int draw = 5, int pass = 60, int? max = null, int? minutes = null) =>
        QuizRules.Create(draw, pass, max, minutes);

    /// <summary>Questions as saved (ids 1, 2, 3 …): an attempt names them by id.</summary>
    internal static List<Question> Bank(int count, params QuestionKind[] kinds) =>
        [.. Enumerable.Range(1, count).Select(id => Saved(NewQuestion(kinds.Length == 0 ? QuestionKind.Single : kinds[id % kinds.Length], id), id))];

    private static Question NewQuestion(QuestionKind kind, int n) => kind switch
    {
        QuestionKind.Multiple => Question.Create(1, kind, $"第{n}题", ["甲", "乙", "丙", "丁", "戊"], [1, 3], null),
        QuestionKind.TrueFalse => Question.Create(1, kind, $"第{n}题", [], [1], null),
        _ => Question.Create(1, kind, $"第{n}题", ["甲", "乙", "丙", "丁"], [n % 4], null),
    };

    private static Question Saved(Question q, int id)
    {
        typeof(Question).GetProperty(nameof(Question.Id))!.SetValue(q, id);
        return q;
    }

    internal static QuizAttempt Start(QuizRules rules, List<Question> bank, IReadOnlyList<QuizAttempt>? earlier = null, int seed = 1, DateTime? at = null) =>
        QuizAttempt.Start(PersonId, LessonId, rules, bank, earlier ?? [], new Random(seed), at ?? T0);

    /// <summary>The shown indexes of each question's right options, for the first <paramref name="right"/> items; the rest answered wrong.</summary>
    internal static Dictionary<int, IReadOnlyList<int>> Answers(QuizAttempt a, List<Question> bank, int? right = null) =>
        a.Items.ToDictionary(i => i.QuestionId, i =>
        {
            var correct = bank.Single(q => q.Id == i.QuestionId).Correct;
            var chosen = i.Position <= (right ?? a.Items.Count) ? correct : [Enumerable.Range(0, i.OptionOrder.Count).First(o => !correct.Contains(o))];
            return (IReadOnlyList<int>)[.. chosen.Select(i.ShownIndexOf)];
        });

    internal static QuizAttempt Submitted(QuizRules rules, List<Question> bank, int right, IReadOnlyList<QuizAttempt>? earlier = null)
    {
        var a = Start(rules, bank, earlier);
        a.Submit(Answers(a, bank, right), bank, T0.AddMinutes(1));
        return a;
    }
}
