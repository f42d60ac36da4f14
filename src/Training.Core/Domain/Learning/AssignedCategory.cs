namespace Training.Core.Domain;

/// <summary>The categories of people an assignment may target in a unit and below (LEARNING.md §2).</summary>
public enum AssignedCategory
{
    /// <summary>两委干部: holds a two-committee post that day.</summary>
    TwoCommitteeCadre,
    /// <summary>党组织书记: holds the party secretary's post that day.</summary>
    PartySecretary,
    /// <summary>后备干部: in the reserve pool that day.</summary>
    Reserve,
    /// <summary>党员: a party member or probationary member.</summary>
    PartyMember,
}
