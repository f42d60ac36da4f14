namespace Training.Core.Domain;

public static class RatingNames
{
    public static string Name(this Rating r) => r switch
    {
        Rating.Excellent => "优秀",
        Rating.Good => "良好",
        Rating.Adequate => "合格",
        Rating.Poor => "不合格",
        _ => r.ToString(),
    };

    public static readonly IReadOnlyList<Rating> All = [Rating.Excellent, Rating.Good, Rating.Adequate, Rating.Poor];
}
