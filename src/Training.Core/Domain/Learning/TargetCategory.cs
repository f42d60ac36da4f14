namespace Training.Core.Domain;

/// <summary>The categories of people a yearly 学时 target is set for (LEARNING.md §5).</summary>
public enum TargetCategory
{
    /// <summary>两委干部</summary>
    TwoCommitteeCadre,
    /// <summary>后备干部</summary>
    Reserve,
    /// <summary>其他党员</summary>
    PartyMember,
}
