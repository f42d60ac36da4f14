namespace Training.Core.Domain;

/// <summary>
/// 学时 from durations, never typed (LEARNING.md §1): a lesson of 30 minutes or more is 1 学时,
/// 15 to 30 minutes 0.5, under 15 minutes 0.25; a text is read at 300 Chinese characters a
/// minute; a PDF is given at most 3 minutes a page.
/// </summary>
public static class StudyHours
{
    public const int CharactersPerMinute = 300;
    public const int MaxSecondsPerPage = 180;

    public static decimal ForLesson(int durationSeconds) => durationSeconds switch
    {
        >= 30 * 60 => 1m,
        >= 15 * 60 => 0.5m,
        > 0 => 0.25m,
        _ => 0m,
    };

    /// <summary>The reading time of a text: its characters that are not white space, at 300 a minute, whole seconds rounded up.</summary>
    public static int TextSeconds(string text)
    {
        var characters = text.Count(c => !char.IsWhiteSpace(c));
        return (characters * 60 + CharactersPerMinute - 1) / CharactersPerMinute;
    }

    /// <summary>The longest a PDF of <paramref name="pages"/> pages may be said to take.</summary>
    public static int MaxFileSeconds(int pages) => Math.Max(0, pages) * MaxSecondsPerPage;
}
