namespace Training.Core.Domain;

public enum OrgLevel
{
    City = 1,
    District = 2,
    Township = 3,
    Village = 4,
}
