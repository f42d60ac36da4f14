namespace Training.Core.Domain;

/// <summary>A course's category (LEARNING.md §1).</summary>
public enum CourseCategory
{
    /// <summary>政治理论</summary>
    PoliticalTheory,
    /// <summary>党的建设</summary>
    PartyBuilding,
    /// <summary>乡村振兴</summary>
    RuralRevitalisation,
    /// <summary>基层治理</summary>
    GrassrootsGovernance,
    /// <summary>法律法规</summary>
    LawsAndRegulations,
    /// <summary>学历教育辅导</summary>
    DegreeTutoring,
    /// <summary>综合素养</summary>
    GeneralCompetence,
}
