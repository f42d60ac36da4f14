using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Domain;

namespace Training.Core.Data.Configurations;

/// <summary>The same four fen columns wherever a split is stored.</summary>
internal static class FeeSplitColumns
{
    public static void Map(ComplexPropertyBuilder<FeeSplit> s)
    {
        s.Property(x => x.TotalFen).HasColumnName("TotalFen");
        s.Property(x => x.SubsidyFen).HasColumnName("SubsidyFen");
        s.Property(x => x.WaiverFen).HasColumnName("WaiverFen");
        s.Property(x => x.SelfPaidFen).HasColumnName("SelfPaidFen");
    }
}
