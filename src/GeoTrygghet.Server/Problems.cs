using Microsoft.AspNetCore.Http;

namespace GeoTrygghet.Server;

/// <summary>RFC 9457 problem details for the errors a client can act on.</summary>
internal static class Problems
{
    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
