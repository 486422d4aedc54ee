using Microsoft.EntityFrameworkCore.Design;

namespace GeoTrygghet.Data.Schema;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GeoTrygghetDbContext>
{
    public GeoTrygghetDbContext CreateDbContext(string[] args) =>
        new(GeoTrygghetDbContext.Options("Host=127.0.0.1;Database=design_time"));
}
