namespace Training.Core.Domain;

/// <summary>The four grades used for a mentor's evaluation and a shadowing evaluation.</summary>
public enum Rating
{
    Excellent = 1, // 优秀
    Good = 2,      // 良好
    Adequate = 3,  // 合格
    Poor = 4,      // 不合格
}
