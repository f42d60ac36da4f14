namespace Training.Core.Domain;

/// <summary>The village "two committees" (两委) posts. Holding any of them on a date makes a person a 两委干部 on that date.</summary>
public enum PostType
{
    PartySecretary = 1,        // 党组织书记
    PartyDeputySecretary = 2,  // 党组织副书记
    PartyCommitteeMember = 3,  // 党组织委员
    CommitteeDirector = 4,     // 村(居)委会主任
    CommitteeDeputyDirector = 5, // 村(居)委会副主任
    CommitteeMember = 6,       // 村(居)委会委员
}
