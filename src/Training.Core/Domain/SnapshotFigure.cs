namespace Training.Core.Domain;

/// <summary>One org unit's figures (itself and everything under it) in a snapshot; PRODUCT.md §8.</summary>
public class SnapshotFigure
{
    private SnapshotFigure() { }

    public SnapshotFigure(
        int orgUnitId, int participants, int graduates, int inStudy, int secretaries, int secretariesAssociateOrAbove,
        int twoCommitteeCadres, int twoCommitteeAssociateOrAbove, int reservesInPool, int secretaryReserves, int keyPosts,
        long selfPaidFen, long subsidyFen, long waiverFen)
    {
        OrgUnitId = orgUnitId;
        Participants = participants;
        Graduates = graduates;
        InStudy = inStudy;
        Secretaries = secretaries;
        SecretariesAssociateOrAbove = secretariesAssociateOrAbove;
        TwoCommitteeCadres = twoCommitteeCadres;
        TwoCommitteeAssociateOrAbove = twoCommitteeAssociateOrAbove;
        ReservesInPool = reservesInPool;
        SecretaryReserves = secretaryReserves;
        KeyPosts = keyPosts;
        SelfPaidFen = selfPaidFen;
        SubsidyFen = subsidyFen;
        WaiverFen = waiverFen;
    }

    public int SnapshotId { get; private set; }
    public int OrgUnitId { get; private set; }
    public int Participants { get; private set; }
    public int Graduates { get; private set; }
    public int InStudy { get; private set; }
    public int Secretaries { get; private set; }
    public int SecretariesAssociateOrAbove { get; private set; }
    public int TwoCommitteeCadres { get; private set; }
    public int TwoCommitteeAssociateOrAbove { get; private set; }
    public int ReservesInPool { get; private set; }
    public int SecretaryReserves { get; private set; }
    public int KeyPosts { get; private set; }
    public long SelfPaidFen { get; private set; }
    public long SubsidyFen { get; private set; }
    public long WaiverFen { get; private set; }
}
