namespace Training.Core.Domain;

public class DistrictQuota
{
    private DistrictQuota() { }

    internal DistrictQuota(OrgUnit district, int quota)
    {
        District = district;
        DistrictId = district.Id;
        Quota = quota;
    }

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public int DistrictId { get; private set; }
    public OrgUnit District { get; private set; } = null!;
    public int Quota { get; private set; }

    internal void Change(int quota) => Quota = quota;
}
