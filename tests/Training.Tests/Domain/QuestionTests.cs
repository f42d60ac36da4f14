using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>LEARNING.md §4: a course's question bank — what a question must hold, and answers read as a spreadsheet types them.</summary>
public sealed class QuestionTests
{
    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    private static Question Choice(QuestionKind kind, string?[] options, int[] correct) =>
        Question.Create(7, kind, "下列说法正确的是？", options, correct, null);

    // ---------------------------------------------------------------- kinds

    [Theory]
    [InlineData("单选题", QuestionKind.Single)]
    [InlineData("单选", QuestionKind.Single)]
    [InlineData(" 多选题 ", QuestionKind.Multiple)]
    [InlineData("多选", QuestionKind.Multiple)]
    [InlineData("判断题", QuestionKind.TrueFalse)]
    [InlineData("判断", QuestionKind.TrueFalse)]
    public void A_kind_is_read_by_its_Chinese_name_with_or_without_its_last_word(string text, QuestionKind expected)
    {
        Assert.True(QuestionKindNames.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("填空题")]
    [InlineData("题")]
    [InlineData(null)]
    public void An_unknown_kind_is_not_read(string? text) => Assert.False(QuestionKindNames.TryParse(text, out _));

    [Fact]
    public void Each_kind_has_its_Chinese_name() =>
        Assert.Equal(["单选题", "多选题", "判断题"], Enum.GetValues<QuestionKind>().Select(k => k.Name()));

    // ---------------------------------------------------------------- validation

    [Fact]
    public void A_single_choice_keeps_trimmed_text_one_right_answer_and_a_version()
    {
        var q = Question.Create(7, QuestionKind.Single, "  党的最高领导机关是？ ", [" 全国代表大会 ", "中央委员会", "中央政治局"], [0], "  见党章第十条。 ");

        Assert.Equal(7, q.CourseId);
        Assert.Equal("党的最高领导机关是？", q.Stem);
        Assert.Equal(["全国代表大会", "中央委员会", "中央政治局"], q.Options);
        Assert.Equal([0], q.Correct);
        Assert.Equal("见党章第十条。", q.Explanation);
        Assert.NotEqual(Guid.Empty, q.Version);
    }

    [Fact]
    public void A_multiple_choice_needs_at_least_two_right_answers_kept_in_order()
    {
        var q = Choice(QuestionKind.Multiple, ["甲", "乙", "丙", "丁"], [3, 1, 3]);

        Assert.Equal([1, 3], q.Correct);
        Assert.Equal(nameof(Question.Correct), Refused(() => Choice(QuestionKind.Multiple, ["甲", "乙", "丙"], [2])).Field);
    }

    [Fact]
    public void A_single_choice_has_exactly_one_right_answer_within_its_options()
    {
        Assert.Equal(nameof(Question.Correct), Refused(() => Choice(QuestionKind.Single, ["甲", "乙"], [0, 1])).Field);
        Assert.Equal(nameof(Question.Correct), Refused(() => Choice(QuestionKind.Single, ["甲", "乙"], [])).Field);
        Assert.Equal(nameof(Question.Correct), Refused(() => Choice(QuestionKind.Single, ["甲", "乙"], [2])).Field);
        Assert.Equal(nameof(Question.Correct), Refused(() => Choice(QuestionKind.Single, ["甲", "乙"], [-1])).Field);
    }

    [Fact]
    public void A_true_false_question_always_has_right_then_wrong_whatever_options_were_given()
    {
        var q = Question.Create(7, QuestionKind.TrueFalse, "村委会每届任期五年。", ["", "", "", ""], [0], null);

        Assert.Equal(["正确", "错误"], q.Options);
        Assert.Equal([0], q.Correct);
        Assert.Equal(nameof(Question.Correct), Refused(() => Question.Create(7, QuestionKind.TrueFalse, "题", [], [0, 1], null)).Field);
        Assert.Equal(nameof(Question.Correct), Refused(() => Question.Create(7, QuestionKind.TrueFalse, "题", [], [2], null)).Field);
    }

    [Fact]
    public void Blank_options_at_the_end_are_dropped_as_a_spreadsheet_leaves_them()
    {
        var q = Choice(QuestionKind.Single, ["甲", "乙", "丙", "  ", null, ""], [2]);

        Assert.Equal(["甲", "乙", "丙"], q.Options);
    }

    [Fact]
    public void A_blank_option_between_others_is_refused_by_its_letter()
    {
        var e = Refused(() => Choice(QuestionKind.Single, ["甲", " ", "丙"], [0]));

        Assert.Equal(nameof(Question.Options), e.Field);
        Assert.Contains("选项B", e.Message);
    }

    [Fact]
    public void A_choice_has_two_to_eight_options_each_within_200_characters()
    {
        Assert.Equal(nameof(Question.Options), Refused(() => Choice(QuestionKind.Single, ["甲", "", ""], [0])).Field);
        Assert.Equal(nameof(Question.Options), Refused(() => Choice(QuestionKind.Multiple, [.. "甲乙丙丁戊己庚辛壬".Select(c => c.ToString())], [0, 1])).Field);
        Assert.Equal(8, Choice(QuestionKind.Multiple, [.. "甲乙丙丁戊己庚辛".Select(c => c.ToString())], [0, 7]).Options.Count);
        Assert.Equal(nameof(Question.Options), Refused(() => Choice(QuestionKind.Single, ["甲", new string('乙', 201)], [0])).Field);
        Assert.Equal(200, Choice(QuestionKind.Single, ["甲", new string('乙', 200)], [0]).Options[1].Length);
    }

    [Fact]
    public void Two_options_alike_once_trimmed_are_refused()
    {
        var e = Refused(() => Choice(QuestionKind.Multiple, ["甲", "乙", " 甲 "], [0, 1]));

        Assert.Equal(nameof(Question.Options), e.Field);
        Assert.Contains("选项C与选项A重复", e.Message);
    }

    [Fact]
    public void The_stem_is_required_within_500_characters_and_the_explanation_within_1000()
    {
        Assert.Equal(nameof(Question.Stem), Refused(() => Question.Create(7, QuestionKind.TrueFalse, "  ", [], [0], null)).Field);
        Assert.Equal(nameof(Question.Stem), Refused(() => Question.Create(7, QuestionKind.TrueFalse, new string('题', 501), [], [0], null)).Field);
        Assert.Equal(nameof(Question.Explanation), Refused(() => Question.Create(7, QuestionKind.TrueFalse, "题", [], [0], new string('解', 1001))).Field);
        Assert.Null(Question.Create(7, QuestionKind.TrueFalse, new string('题', 500), [], [0], "   ").Explanation);
        Assert.Equal(nameof(Question.Kind), Refused(() => Question.Create(7, (QuestionKind)9, "题", [], [0], null)).Field);
    }

    [Fact]
    public void A_change_is_validated_alike_moves_the_version_and_a_refused_one_changes_nothing()
    {
        var q = Choice(QuestionKind.Single, ["甲", "乙", "丙"], [0]);
        var before = q.Version;

        Refused(() => q.Change(QuestionKind.Multiple, "新题干", ["甲", "乙"], [0], null));
        Assert.Equal(before, q.Version);
        Assert.Equal(QuestionKind.Single, q.Kind);

        q.Change(QuestionKind.Multiple, "新题干", ["甲", "乙", "丙", ""], [0, 2], "解析");
        Assert.Equal((QuestionKind.Multiple, "新题干", 3), (q.Kind, q.Stem, q.Options.Count));
        Assert.Equal([0, 2], q.Correct);
        Assert.NotEqual(before, q.Version);
    }

    // ---------------------------------------------------------------- answers as typed

    [Theory]
    [InlineData("A", new[] { 0 })]
    [InlineData("d", new[] { 3 })]
    [InlineData("ABD", new[] { 0, 1, 3 })]
    [InlineData("DBA", new[] { 0, 1, 3 })]
    [InlineData("A,B,D", new[] { 0, 1, 3 })]
    [InlineData("A，B，D", new[] { 0, 1, 3 })]
    [InlineData("A、B", new[] { 0, 1 })]
    [InlineData(" a b ", new[] { 0, 1 })]
    [InlineData("ＡＣ", new[] { 0, 2 })]
    [InlineData("ａ、ｃ", new[] { 0, 2 })]
    [InlineData("A;C", new[] { 0, 2 })]
    [InlineData("AAB", new[] { 0, 1 })]
    public void A_choice_answer_is_read_from_letters_however_typed(string text, int[] expected)
    {
        Assert.True(Question.TryParseAnswer(QuestionKind.Multiple, text, 4, out var correct));
        Assert.Equal(expected, correct);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("E")]
    [InlineData("A,E")]
    [InlineData("1")]
    [InlineData("A+B")]
    [InlineData("正确")]
    public void A_choice_answer_outside_the_options_or_not_letters_is_not_read(string? text) =>
        Assert.False(Question.TryParseAnswer(QuestionKind.Single, text, 4, out _));

    [Theory]
    [InlineData("正确", 0)]
    [InlineData("对", 0)]
    [InlineData("√", 0)]
    [InlineData("T", 0)]
    [InlineData("t", 0)]
    [InlineData("Ｔ", 0)]
    [InlineData("是", 0)]
    [InlineData(" 错误 ", 1)]
    [InlineData("错", 1)]
    [InlineData("×", 1)]
    [InlineData("F", 1)]
    [InlineData("f", 1)]
    [InlineData("否", 1)]
    public void A_true_false_answer_is_read_from_its_usual_words_and_marks(string text, int expected)
    {
        Assert.True(Question.TryParseAnswer(QuestionKind.TrueFalse, text, 2, out var correct));
        Assert.Equal([expected], correct);
    }

    [Theory]
    [InlineData("")]
    [InlineData("正确错误")]
    [InlineData("C")]
    [InlineData("不对")]
    public void A_true_false_answer_that_says_neither_is_not_read(string text) =>
        Assert.False(Question.TryParseAnswer(QuestionKind.TrueFalse, text, 2, out _));

    [Fact]
    public void An_answer_read_from_a_spreadsheet_makes_the_question()
    {
        Assert.True(Question.TryParseAnswer(QuestionKind.Multiple, "A、C", 3, out var correct));

        var q = Question.Create(7, QuestionKind.Multiple, "题", ["甲", "乙", "丙", "", ""], correct, null);

        Assert.Equal([0, 2], q.Correct);
    }
}
