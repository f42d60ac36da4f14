namespace Training.Core.Domain;

public static class DegreeLevelNames
{
    public static string Name(this DegreeLevel l) => l == DegreeLevel.Associate ? "大专" : "本科";
    public static Education ToEducation(this DegreeLevel l) => (Education)(int)l;
    public static DegreeLevel? Parse(string? text) => text?.Trim() switch
    {
        "大专" => DegreeLevel.Associate,
        "本科" => DegreeLevel.Bachelor,
        _ => null,
    };
}
