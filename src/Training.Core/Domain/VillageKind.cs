namespace Training.Core.Domain;

public enum VillageKind
{
    Village = 1,   // 村
    Community = 2, // 社区
}
