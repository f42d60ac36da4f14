namespace Training.Core.Domain;

/// <summary>The kinds of question a course's bank holds (LEARNING.md §4); each decides how many answers are right.</summary>
public enum QuestionKind
{
    /// <summary>单选题: 2–8 options, exactly one right.</summary>
    Single,
    /// <summary>多选题: 2–8 options, at least two right; only the exact set scores.</summary>
    Multiple,
    /// <summary>判断题: always 正确 / 错误, never shuffled, one right.</summary>
    TrueFalse,
}
