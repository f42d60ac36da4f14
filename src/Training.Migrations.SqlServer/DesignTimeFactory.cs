using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Training.Core.Data;

namespace Training.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQL Server without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TrainingDbContext>()
            .UseSqlServer("Server=localhost;Database=Training;Trusted_Connection=True;TrustServerCertificate=True",
                x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
