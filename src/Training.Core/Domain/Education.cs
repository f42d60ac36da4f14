namespace Training.Core.Domain;

/// <summary>Highest education (学历), ordered so that a larger value is a higher level.</summary>
public enum Education
{
    JuniorOrBelow = 1, // 初中及以下
    HighSchool = 2,    // 高中/中专
    Associate = 3,     // 大专
    Bachelor = 4,      // 本科
    Postgraduate = 5,  // 研究生
}
