namespace Training.Core.Domain;

public enum PoliticalStatus
{
    PartyMember = 1,          // 中共党员
    ProbationaryMember = 2,   // 中共预备党员
    YouthLeagueMember = 3,    // 共青团员
    Masses = 4,               // 群众
}
