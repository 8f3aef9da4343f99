package org.corroborate.gen;

import java.util.List;

/**
 * A news outlet of the generated corpus, with its own house style.
 *
 * @param host the source field and URL host, e.g. {@code dailyherald.example}
 * @param name display name, e.g. "Daily Herald"
 * @param boilerplate lines this outlet appends to many of its articles (may be empty)
 * @param boilerplateRate the share of its articles that carry the boilerplate
 * @param reporters the outlet's staff, named in its bylines and sign-offs
 * @param bylineRate the share of its articles that open with a byline
 * @param dateline how its leads open: 0 plainly, 1 "CITY -", 2 "City, Country (Outlet) -",
 *     3 "CITY, 3 January (Outlet) -"
 * @param signOff whether its articles end with "(Reporting by ...; Editing by ...)", wire style
 */
record Outlet(String host, String name, List<String> boilerplate, double boilerplateRate,
    List<String> reporters, double bylineRate, int dateline, boolean signOff) {

  Outlet {
    boilerplate = List.copyOf(boilerplate);
    reporters = List.copyOf(reporters);
    if (reporters.isEmpty()) {
      throw new IllegalArgumentException("an outlet needs at least one reporter: " + name);
    }
  }
}
