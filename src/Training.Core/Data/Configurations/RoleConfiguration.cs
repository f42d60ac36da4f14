using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Core.Identity;

namespace Training.Core.Data.Configurations;

/// <summary>The roles are part of the schema: every install has them after migrating.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> b) =>
        b.HasData(Roles.All.Select(r => new IdentityRole
        {
            Id = "role-" + r.ToLowerInvariant(),
            Name = r,
            NormalizedName = r.ToUpperInvariant(),
            ConcurrencyStamp = "role-" + r.ToLowerInvariant(),
        }));
}
