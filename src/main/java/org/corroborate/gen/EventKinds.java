package org.corroborate.gen;

import java.util.List;

/**
 * The catalogue of event kinds. Every kind has its own vocabulary; the slots {@code <city>},
 * {@code <country>}, {@code <day>} (weekday) and {@code <date>} ("3 January") exist for every event.
 */
final class EventKinds {

  private EventKinds() {}

  static final List<EventKind> ALL = List.of(
      EventKind.builder("earthquake", "world")
          .decimal("mag", 4.8, 7.9)
          .count("dead", 4, 420)
          .count("injured", 15, 2600)
          .count("depth", 5, 70)
          .count("displaced", 400, 45000)
          .person("official", "{the regional governor|the head of the civil protection agency|the mayor of <city>}")
          .person("expert", "{a seismologist at the National Geophysical Institute|a geologist at the University of <city>|head of the national seismic monitoring centre}")
          .person("witness", "{a shopkeeper|a schoolteacher|a taxi driver|a retired nurse} in <city>")
          .topic("{the earthquake|the quake|the tremor|the magnitude <mag> earthquake}")
          .headlines(
              "Magnitude <mag> earthquake {strikes|hits|jolts} {near <city>|<country>}, {killing at least <dead>|<dead> dead}",
              "{Death toll|Toll} {rises|climbs} to <dead> after {quake|earthquake} {near <city>|in <country>}",
              "{Rescuers|Rescue teams} {search|dig} through rubble after {deadly|powerful} {quake|earthquake} in <country>",
              "<country> earthquake: {thousands|<displaced> people} {displaced|left homeless} {near <city>|in <city> region}")
          .leads(
              "A {powerful|strong|shallow} earthquake of magnitude <mag> {struck|hit|shook} {the area around|the region near} <city> in <country> on <day>, killing at least <dead> people and injuring <injured> others, {officials said|according to authorities}.",
              "At least <dead> people {were killed|died} and <injured> were injured when a magnitude <mag> earthquake {struck|rocked} <city> {on <day>|early on <day>}, {authorities in <country> said|officials said}.",
              "{Rescue teams|Emergency crews} {in <country>|near <city>} {were searching|searched} through collapsed buildings on <day> after a magnitude <mag> earthquake killed at least <dead> people.")
          .details(
              "The {quake|earthquake} {struck|hit} at a depth of <depth> kilometres, according to the {National Geophysical Institute|national seismic monitoring centre}.",
              "{Dozens of|Several} {aftershocks|smaller tremors} {followed|were recorded} {in the hours after the main shock|through the night}, {rattling|unsettling} {residents|survivors} {already sleeping outdoors|who had fled their homes}.",
              "About <displaced> people {were displaced|have been left without shelter}, and {the government|officials} {set up|opened} {temporary camps|emergency shelters} in {sports halls|schools|parks}.",
              "{Hospitals|Clinics} in <city> {were overwhelmed|struggled to cope} with {the injured|casualties}, and {some patients|several people} were treated {in car parks|in tents outside}.",
              "{Older buildings|Many older homes} in {the historic centre|the old quarter} of <city> {collapsed|were badly damaged}, {while|and} {newer|modern} {structures|apartment blocks} {largely|mostly} {withstood|survived} the shaking.",
              "{Power|Electricity} and {water|telephone} {services|lines} were {cut|disrupted} {across|in parts of} the region, {complicating|hampering} the rescue effort.",
              "{The government|The prime minister} declared {three days of national mourning|a state of emergency} {in the affected region|around <city>}.",
              "{Engineers|Inspectors} {began|started} {checking|assessing} {bridges|schools|hospitals} {for structural damage|for cracks} {on <day>|the following morning}.",
              "{Neighbouring countries|Several governments} {offered|sent} {search and rescue teams|sniffer dogs and equipment|medical supplies} to <country>.",
              "The region {sits|lies} on {an active fault line|a seismically active zone} and has {experienced|suffered} {several|a number of} {deadly|damaging} earthquakes {in the past century|over the decades}.")
          .quotes(
              "official: We are doing everything we can to reach the people still trapped under the rubble",
              "official: The priority now is shelter, water and medical care for the families who lost their homes",
              "expert: Aftershocks of magnitude five or more are possible in the coming days, and people should stay out of damaged buildings",
              "expert: The shallow depth of this earthquake is why the shaking was so destructive",
              "witness: The whole building was shaking and we ran into the street with nothing",
              "witness: I have never felt anything like it, the noise was terrifying")
          .build(),

      EventKind.builder("election", "politics")
          .pick("party", "{Democratic Renewal Party|Civic Alliance|Social Progress Party|National Unity Movement|Green Future Party|People's Reform Party}")
          .pick("rivalParty", "{Liberal Centre|Conservative Union|Workers' Front|Citizens' Platform}")
          .person("winner", "{leader of the|candidate of the} <party>")
          .person("rival", "{the incumbent|leader of the opposition|the <rivalParty> candidate}")
          .person("analyst", "{a political scientist at the University of <city>|an analyst at the <country> Institute of Public Affairs|a pollster}")
          .decimal("pct", 38, 64)
          .decimal("turnout", 41, 82)
          .count("seats", 40, 220)
          .topic("{the election|the vote|the presidential election|the parliamentary election}")
          .headlines(
              "<winner> {wins|claims victory in} <country> election with <pct>% of the vote",
              "<country> {votes|election}: <party> {wins|takes} <seats> seats",
              "{Opposition|Challenger} <winner> {declares victory|wins} as <country> {turnout reaches|turnout hits} <turnout>%",
              "{Upset|Landslide} in <country> as <winner> {defeats|beats} <rival>")
          .leads(
              "<winner>, {leader of the|candidate of the} <party>, {won|secured} <pct>% of the vote in <country>'s election on <day>, {according to preliminary results|the electoral commission said}.",
              "Voters in <country> {handed|gave} <winner> {a clear victory|a decisive win} on <day>, with the <party> {winning|taking} <seats> seats {in parliament|in the national assembly}.",
              "<country>'s electoral commission {declared|announced} <winner> the winner of <topic> on <day>, with turnout at <turnout>%.")
          .details(
              "Turnout was <turnout>%, {the highest|one of the highest|lower than} {in two decades|at any recent election|in the previous vote}, {the electoral commission said|according to official figures}.",
              "<rival> {conceded defeat|accepted the result} {late on <day>|in a short speech} and {congratulated|called} <winner.last>.",
              "The <party> {campaigned on|promised} {lower energy prices|tax cuts for families|investment in hospitals|tougher anti-corruption laws} and {a new relationship with|closer ties to} {its neighbours|the European Union|regional partners}.",
              "{Supporters|Crowds of supporters} {gathered|celebrated} {in the centre of|in the main square of} <city> {waving flags|chanting} {as results came in|into the night}.",
              "International observers said the vote was {largely free and fair|well organised|orderly}, though they {noted|reported} {isolated irregularities|problems with voter registration|long queues} in {some districts|rural areas}.",
              "{The result|The outcome} {gives|hands} the <party> <seats> seats, {enough to govern alone|short of an outright majority|which may force it to seek a coalition partner}.",
              "{Coalition talks|Negotiations on forming a government} are {expected|likely} to {begin|start} {next week|in the coming days|before the end of the month}.",
              "<winner.last>, {a former mayor of <city>|a former finance minister|a lawyer by training}, {is expected to|will} be sworn in {within weeks|next month}.",
              "{Opinion polls|Pre-election surveys} had {predicted|suggested} a {much closer|tighter} race {between <winner.last> and <rival.last>|than the final result}.")
          .quotes(
              "winner: Tonight the people of <country> have chosen change, and I will govern for everyone",
              "winner: This victory belongs to the voters who queued for hours to be heard",
              "rival: The voters have spoken and we respect their decision",
              "analyst: This is the biggest shift in <country>'s politics for a generation",
              "analyst: The real test for the new government will be the economy")
          .build(),

      EventKind.builder("trial", "courts")
          .person("defendant", "{a former executive|a businessman|a former minister|a property developer} from <city>")
          .person("judge", "{the presiding judge|Judge}")
          .person("prosecutor", "{the lead prosecutor|the public prosecutor|a senior prosecutor}")
          .person("lawyer", "{a lawyer for the defence|the defence lawyer|who represents <defendant.last>}")
          .pick("charge", "{fraud|bribery|money laundering|embezzlement|tax evasion}")
          .count("years", 2, 18)
          .money("amount", 3, 900)
          .topic("{the trial|the verdict|the case|the <charge> trial}")
          .headlines(
              "<defendant> {sentenced to|jailed for} <years> years for <charge>",
              "{Court|Judge} {convicts|finds} <defendant.last> guilty in <amount> <charge> case",
              "<charge> trial: {former executive|businessman} <defendant> {faces|receives} <years>-year sentence",
              "<city> court {jails|sentences} <defendant.last> over <amount> {scheme|fraud}")
          .leads(
              "A court in <city> {sentenced|jailed} <defendant>, <defendant.title>, to <years> years in prison on <day> for <charge> involving <amount>.",
              "<defendant> was found guilty of <charge> on <day> by a court in <city>, which {ruled|found} that he had {diverted|hidden} <amount> {over several years|through shell companies}.",
              "{Judges|A panel of judges} in <city> on <day> {convicted|found guilty} <defendant> of <charge>, {ending|concluding} a trial that {lasted|ran for} {eight|eleven|fourteen} months.")
          .details(
              "{Prosecutors|The prosecution} said <defendant.last> {moved|channelled} <amount> through {a network of|dozens of} {shell companies|offshore accounts} {between 2015 and 2021|over six years}.",
              "{The defence|His lawyers} argued that <defendant.last> {had not known|was unaware} of the {transfers|payments} and {said they would appeal|plan to appeal} the verdict.",
              "{More than|Over} {forty|sixty|eighty} witnesses {testified|gave evidence} during the trial, {including|among them} former {colleagues|business partners} of <defendant.last>.",
              "{The court|Judge <judge.last>} {also ordered|ordered} the {confiscation|seizure} of {property|assets|bank accounts} {worth|valued at} {part of|much of} the <amount>.",
              "{The case|The investigation} {began|started} {in 2019|after a tip-off from a whistleblower|after an audit by tax authorities} and {drew|attracted} {wide|intense} {public|media} attention in <country>.",
              "<defendant.last> {showed no emotion|remained silent|looked down} as the {verdict|sentence} was read {out|in court}.",
              "{Two|Three} {co-defendants|associates} {received|were given} {shorter|suspended} sentences {for their roles|in the same case}.",
              "{Anti-corruption campaigners|Transparency groups} {welcomed|praised} the {verdict|ruling}, {calling it|describing it as} {a turning point|an important signal}.")
          .quotes(
              "judge: The court has found that the defendant acted deliberately and for personal gain",
              "prosecutor: This verdict shows that nobody is above the law in <country>",
              "lawyer: We will appeal, because the evidence simply does not support this conviction",
              "lawyer: My client has always maintained his innocence and he will continue to do so",
              "defendant: I have never taken a single coin that was not mine")
          .build(),

      EventKind.builder("merger", "business")
          .org("buyer", "Holdings|Group|Industries|Capital|Technologies|Energy")
          .org("target", "Systems|Foods|Pharma|Logistics|Networks|Motors|Bank")
          .pick("bank", "{Harcourt Securities|Linden Partners|Bayfield Capital Markets|Ostrander & Co}")
          .person("ceo", "chief executive of <buyer>")
          .person("analyst", "{an analyst at <bank>|a sector analyst at <bank>|head of research at <bank>}")
          .money("amount", 800, 60000)
          .decimal("premium", 12, 48)
          .count("jobs", 200, 6000)
          .topic("{the deal|the takeover|the acquisition|the merger}")
          .headlines(
              "<buyer> {agrees to buy|to acquire} <target> in <amount> deal",
              "<buyer> {strikes|agrees} <amount> {takeover|deal} for <target>",
              "<target> {shares jump|soars} after <amount> {bid|offer} from <buyer>",
              "<buyer>-<target> {deal|merger} to create {sector giant|industry leader}; <jobs> jobs at risk")
          .leads(
              "<buyer> {has agreed to buy|said on <day> it would acquire} <target> for <amount>, {a deal that|in a move that} would create {one of the largest|a leading} {companies|groups} in {its sector|the industry}.",
              "<target> {accepted|agreed to} a <amount> takeover offer from <buyer> on <day>, {valuing|which values} its shares at a <premium>% premium to their last closing price.",
              "{In one of the biggest deals of the year|In a deal announced on <day>}, <buyer> will {buy|take over} <target> for <amount>, {the companies said|both companies confirmed}.")
          .details(
              "The offer {represents|is} a premium of <premium>% to <target>'s closing share price {on the previous day|before the announcement}.",
              "Shares in <target> {rose|jumped|climbed} {sharply|by nearly the full premium} in {early trading|morning trading} in <city>, while <buyer> shares {fell slightly|were little changed}.",
              "The companies {said|expect} the {combined group|merger} would {save|deliver savings of} {hundreds of millions of dollars|significant costs} {a year|annually} {within three years|by 2027}.",
              "{Unions|Labour representatives} {warned|said} that up to <jobs> jobs {could be|might be} {lost|cut} {as a result of|after} the {merger|deal}.",
              "The {deal|acquisition} {still needs|requires} approval from {competition regulators|shareholders and regulators} in <country> {and abroad|and the European Union}.",
              "<buyer> {will fund|plans to finance} the {purchase|deal} {with a mix of cash and new shares|with new debt and cash on hand}.",
              "{The two companies|Both groups} {have a combined|employ a combined} workforce of {about|nearly} {40,000|25,000|60,000} people {worldwide|in more than 30 countries}.",
              "<target>, {founded in|based in} <city>, {has struggled|had been under pressure} {from rising costs|with falling sales|from activist investors} {in recent years|for several quarters}.")
          .quotes(
              "ceo: Bringing our two companies together creates a stronger business with a clear path to growth",
              "ceo: We have great respect for the people at <target> and what they have built",
              "analyst: The price is full, but the strategic logic of the deal is hard to argue with",
              "analyst: Regulators are likely to take a very close look at this one")
          .build(),

      EventKind.builder("strike", "labour")
          .pick("sector", "{rail|port|hospital|airport|postal|bus}")
          .org("union", "Workers' Union|Federation|Staff Association|Trade Union")
          .person("leader", "general secretary of the <union>")
          .person("employer", "{a spokesperson for the operator|the transport minister|chief executive of the national operator}")
          .person("commuter", "{a commuter|a nurse|an office worker|a student} in <city>")
          .count("workers", 1500, 90000)
          .decimal("demand", 6, 18)
          .decimal("offer", 2, 5.9)
          .count("hours", 24, 96)
          .topic("{the strike|the walkout|the <sector> strike|the industrial action}")
          .headlines(
              "<sector> workers {strike|walk out} across <country> over pay",
              "<workers> <sector> staff {begin|stage} <hours>-hour strike in <country>",
              "{Travel chaos|Disruption} as <sector> strike {hits|grips} <city>",
              "<union> {rejects|turns down} <offer>% pay offer, {strike goes ahead|walkout begins}")
          .leads(
              "About <workers> <sector> workers in <country> {walked out|went on strike} on <day> in a dispute over pay, {causing|bringing} {widespread disruption|severe delays} {in <city> and other cities|across the country}.",
              "A <hours>-hour strike by <sector> workers {began|started} on <day>, after the <union> {rejected|turned down} a pay offer of <offer>%.",
              "{Services|Operations} {across|in much of} <country> {were disrupted|ground to a halt} on <day> as <workers> members of the <union> {began|started} a <hours>-hour strike.")
          .details(
              "The <union> is {demanding|seeking} a pay rise of <demand>%, {arguing|saying} that wages have {fallen behind|not kept up with} inflation {over the past three years|since 2021}.",
              "{Employers|The operator} {offered|has offered} <offer>%, which {the union|union leaders} {called|described as} {insulting|a real-terms pay cut|far too little}.",
              "{Picket lines|Pickets} {formed|gathered} {outside|at} {depots|hospitals|terminals} in <city> {early on <day>|before dawn}.",
              "{Only a skeleton service|Only emergency services|A limited service} {operated|was running} {in <city>|on major routes}, and {passengers|people} were {advised|told} to {avoid travel|work from home} {where possible|if they could}.",
              "{It is|This is} the {third|fourth|second} {walkout|strike} {in the dispute|this year}, and the union {has warned|warned} of {further action|more strikes} {next month|before the summer} if no deal is reached.",
              "{Business groups|Retailers} in <city> {estimated|said} the strike would cost {the economy|local businesses} {millions|tens of millions} {a day|each day}.",
              "{Talks|Negotiations} between the union and {employers|the government} {broke down|collapsed} {last week|on <day>} {after|following} {several rounds of|hours of} {talks|meetings}.",
              "{Polls suggest|A recent survey found} that {a majority of|many} {people|voters} in <country> {support|sympathise with} the {strikers|workers}.")
          .quotes(
              "leader: Our members do not take this step lightly, but they cannot go on losing money every year",
              "leader: The door is always open for serious negotiations",
              "employer: This strike will cause real hardship for the public and it is not justified",
              "employer: Our offer of <offer>% is fair and affordable",
              "commuter: I understand why they are striking, but it is hard for people like me who have to get to work")
          .build(),

      EventKind.builder("flood", "world")
          .pick("river", "{the Arden|the Solva|the Meric|the Tavin|the Orlo|the Brena}")
          .count("dead", 2, 160)
          .count("evacuated", 800, 70000)
          .count("rain", 90, 420)
          .count("homes", 150, 12000)
          .person("official", "{head of the national emergency agency|the regional governor|the mayor of <city>}")
          .person("meteorologist", "{a meteorologist at the national weather service|a climate scientist at the University of <city>}")
          .person("resident", "{a resident of <city>|a farmer near <city>|a pensioner in <city>}")
          .topic("{the flooding|the flood|the flash flood|the deluge}")
          .headlines(
              "Floods {kill|leave} <dead> {dead|people dead} in <country> as <river> bursts its banks",
              "<evacuated> {evacuated|flee homes} as flooding {hits|swamps} <city>",
              "{Record rain|Torrential rain} {brings|causes} deadly floods to <country>",
              "<city> {under water|inundated} after <rain> mm of rain")
          .leads(
              "Flooding in <country> has killed at least <dead> people and forced <evacuated> from their homes after {torrential|record} rain {caused|made} <river> to burst its banks near <city>, officials said on <day>.",
              "{Heavy rain|Torrential downpours} {dumped|brought} <rain> millimetres of rain on <city> {in 48 hours|over two days}, {flooding|submerging} <homes> homes and killing at least <dead> people.",
              "At least <dead> people have died in floods {around|near} <city>, {where|and} <river> rose to its highest level {in decades|on record} on <day>.")
          .details(
              "{About|Some} <evacuated> people {were evacuated|had to leave their homes}, {many of them|most} {by boat|in military trucks}, {officials said|according to emergency services}.",
              "{Soldiers|Firefighters|Rescue teams} {used boats and helicopters|worked through the night} to {reach|rescue} {people stranded on rooftops|families cut off by the water}.",
              "{Roads|Railway lines|Bridges} {were closed|were washed away} {across|in parts of} the region, {cutting off|isolating} {several villages|dozens of communities}.",
              "{The weather service|Forecasters} {recorded|measured} <rain> millimetres of rain in {48 hours|two days}, {more than|roughly} {a month's|two months'} {worth|average}.",
              "<homes> homes {were flooded|were damaged}, and {farmers|growers} {reported|feared} {heavy losses|ruined crops} {in the fertile valley|along the river}.",
              "{Scientists|Climate experts} {say|said} that {a warming climate|climate change} {makes|is making} {extreme rainfall|such downpours} {more frequent|more intense}.",
              "{The government|Ministers} {promised|pledged} {emergency funds|compensation} for {families|households} {who lost their homes|affected by the floods}.",
              "{More rain|Further storms} {is|are} forecast {for the coming days|for the weekend}, and {authorities|officials} {warned|cautioned} that river levels {could rise again|remain dangerous}.")
          .quotes(
              "official: The water came up faster than anyone expected and our teams are still reaching people",
              "official: Nobody should try to drive through flooded roads",
              "meteorologist: We recorded <rain> millimetres in two days, which is extraordinary for this region",
              "resident: In ten minutes the water was up to our knees and we lost everything downstairs",
              "resident: We have lived here forty years and never seen the river like this")
          .build(),

      EventKind.builder("transfer", "sport")
          .pick("buyerClub", "{Northbridge United|Kingsport City|Eastwood Athletic|Royal Marlow|Westhaven FC|Olympique Larchmont}")
          .person("player", "{the forward|the midfielder|the defender|the winger|the striker}")
          .person("manager", "manager of <buyerClub>")
          .pick("sellerClub", "{Real <city>|<city> Rovers|Athletic <city>|<city> Wanderers|Sporting <city>|FC <city>}")
          .count("fee", 6, 140)
          .count("age", 19, 31)
          .count("years", 2, 6)
          .count("goals", 4, 38)
          .topic("{the transfer|the move|the deal|the signing}")
          .headlines(
              "<buyerClub> sign <player> from <sellerClub> for {€<fee> million|<fee> million euros}",
              "<player> {completes|seals} <fee>m move to <buyerClub>",
              "{Record|Big-money} deal: <buyerClub> {land|capture} <sellerClub> star <player.last>",
              "<player.last> {joins|signs for} <buyerClub> on <years>-year deal")
          .leads(
              "<buyerClub> have signed <player.title> <player> from <sellerClub> for a fee of <fee> million euros, the club announced on <day>.",
              "<player>, <age>, {has completed|completed} a <fee> million euro move from <sellerClub> to <buyerClub>, signing a <years>-year contract on <day>.",
              "<sellerClub> {have agreed|agreed} to sell <player.title> <player> to <buyerClub> for <fee> million euros, {ending|concluding} weeks of negotiations.")
          .details(
              "<player.last>, <age>, scored <goals> goals for <sellerClub> {last season|in all competitions last season}, {attracting|drawing} interest from {several|a number of} {clubs|rivals} {across Europe|abroad}.",
              "The fee of <fee> million euros {could rise|may increase} {with add-ons|with performance-related bonuses}, {according to|reports in} {people close to the deal|local media}.",
              "<player.last> {passed|completed} a medical {on <day>|earlier in the week} and {was presented|posed} {with the club shirt|with his new shirt} {in front of fans|at the training ground}.",
              "{The move|The signing} makes <player.last> {one of the most expensive|the most expensive} {signings|players} in <buyerClub>'s history.",
              "<sellerClub> {will use|plan to reinvest} {the money|the fee} {in the squad|on new players} {before the window closes|this summer}.",
              "{Fans|Supporters} of <sellerClub> {reacted with dismay|expressed disappointment} {on social media|online} at the {departure|sale} of {their top scorer|one of their best players}.",
              "<player.last> {began his career|came through the youth academy} {in <city>|at <sellerClub>} and {made his debut|broke into the first team} {at 17|as a teenager}.",
              "<buyerClub> {finished|ended} {third|fifth|second} in the league last season and {are|have been} {looking|searching} for {a forward|attacking reinforcements|a replacement} {for months|all summer}.")
          .quotes(
              "manager: <player.last> is exactly the kind of player we wanted, hungry and still improving",
              "manager: We have followed him for two years and I am delighted we got the deal done",
              "player: It is a dream to join a club with this history and these supporters",
              "player: I will always be grateful to everyone at <sellerClub>")
          .build(),

      EventKind.builder("launch", "technology")
          .org("company", "Technologies|Labs|Devices|Electronics|Systems")
          .pick("product", "{Orion|Nimbus|Vega|Atlas|Pulse|Aurora|Helix|Quasar} {X2|5|Pro|Air|One|Max|S}")
          .pick("device", "{smartphone|laptop|tablet|smartwatch|headset|electric scooter}")
          .count("price", 199, 1999)
          .count("hours", 18, 60)
          .count("markets", 5, 40)
          .person("ceo", "chief executive of <company>")
          .person("analyst", "{an analyst at a technology research firm|an industry analyst in <city>|a consumer technology reviewer}")
          .topic("{the launch|the <product>|the new <device>|the device}")
          .headlines(
              "<company> {unveils|launches} <product> <device> at <price> dollars",
              "<company> {bets on|pins hopes on} new <product> {to revive sales|as competition grows}",
              "First look: <company>'s <product> {promises|offers} <hours>-hour battery life",
              "<company> {takes aim at rivals|challenges rivals} with <product> <device>")
          .leads(
              "<company> {unveiled|launched} the <product>, a new <device>, at an event in <city> on <day>, {pricing it at|with a starting price of} <price> dollars.",
              "{Technology company|Electronics maker} <company> on <day> {introduced|revealed} the <product> <device>, {promising|which it says offers} <hours> hours of battery life.",
              "<company> {hopes|is betting} its new <product> <device>, {launched|unveiled} on <day> in <city>, will {revive|boost} {slowing sales|its market share}.")
          .details(
              "The <product> will {go on sale|be available} in <markets> {countries|markets} {from next month|within weeks}, {starting at|priced from} <price> dollars.",
              "{The company said|According to <company>,} the <device> {runs|lasts} up to <hours> hours on a single charge, {well ahead of|longer than} its predecessor.",
              "{Reviewers|Early testers} {praised|welcomed} the {design|display|camera}, {but|though} {some|several} {questioned|criticised} the {price|lack of new features}.",
              "<company>'s {sales|shipments} {fell|declined} {last year|in the last quarter} as {consumers|customers} {held on to|kept} their {devices|gadgets} for longer.",
              "The {device|<product>} {uses|is built around} a {new|custom} {chip|processor} {designed in-house|developed with partners} {to save power|to speed up artificial intelligence features}.",
              "{Shares in <company>|<company> shares} {rose|edged up|fell} {slightly|about 2%} {after the event|in trading on <day>}.",
              "{The launch|The event} {drew|attracted} {hundreds of|several hundred} {journalists|developers|fans} to <city>, {where|and} {queues|crowds} {formed|gathered} {outside|around} the venue.",
              "<company> {also announced|said it would offer} a {trade-in scheme|subscription service|repair programme} {for older models|alongside the new device}.")
          .quotes(
              "ceo: The <product> is the most ambitious product we have ever built",
              "ceo: We listened to our customers, and battery life was the number one thing they asked for",
              "analyst: The hardware is impressive, but at <price> dollars it will be a hard sell in a slowing market",
              "analyst: This launch matters more for <company> than any in the past five years")
          .build(),

      EventKind.builder("protest", "world")
          .pick("cause", "{fuel price rises|a new pension law|corruption allegations|a proposed mining project|rising rents|cuts to university funding}")
          .count("crowd", 1500, 220000)
          .count("arrests", 3, 320)
          .count("injured", 2, 140)
          .person("organiser", "{one of the organisers|a spokesperson for the protest movement|a student leader}")
          .person("police", "{a police spokesperson|the city's police chief|a spokesman for the interior ministry}")
          .person("protester", "{a protester|a teacher who joined the march|a student} in <city>")
          .topic("{the protest|the demonstration|the march}")
          .headlines(
              "{Thousands|Tens of thousands} march in <city> against <cause>",
              "<arrests> arrested as <cause> protests {spread|grow} in <country>",
              "Police {clash with|fire tear gas at} protesters in <city>",
              "<country> protests: {crowds|demonstrators} {demand|call for} {reversal|end} of <cause>")
          .leads(
              "{Tens of thousands of|Thousands of} people {marched|protested} through <city> on <day> against <cause>, in {the largest|one of the largest} demonstrations {in <country> for years|of the year}.",
              "Police in <city> {arrested|detained} <arrests> people on <day> as protests against <cause> {spread|continued} {across <country>|for a third day}.",
              "{Protesters|Demonstrators} {filled|packed} the streets of <city> on <day>, with {organisers|police} {putting|estimating} the crowd at <crowd> {people|}.")
          .details(
              "{Police estimated the crowd at <crowd>|According to police, the crowd numbered <crowd>}, {while organisers said|although organisers claimed} {it was much larger|twice as many people took part}.",
              "{Clashes|Scuffles} {broke out|erupted} {near|outside} {parliament|the interior ministry|the main square} {in the evening|late in the afternoon}, and <injured> people were {injured|hurt}, {including|among them} {several|a number of} police officers.",
              "<arrests> people were {arrested|detained}, {most of them|many} {for public order offences|after windows were smashed}, {police said|according to officials}.",
              "The {protests|demonstrations} {began|started} {last week|several days ago} after the government {announced|approved} <cause>.",
              "{Marchers|Protesters} {carried|waved} {banners|placards|flags} {reading|with slogans such as} \"{Not in our name|Enough is enough|We will not pay}\".",
              "{The government|Ministers} {defended|stood by} {the decision|the policy}, {saying|arguing} it was {necessary|needed} {to balance the budget|for the country's future}.",
              "{Shops|Businesses} {along the route|in central <city>} {closed early|boarded up their windows} {ahead of the march|as a precaution}.",
              "{Unions|Student groups|Opposition parties} {have called|called} for {further|more} {protests|demonstrations} {next week|on the weekend|in other cities}.")
          .quotes(
              "organiser: We will keep coming back until the government listens to us",
              "organiser: This is the biggest show of anger we have seen in <country> in a generation",
              "police: The vast majority of people protested peacefully, but a small group came looking for trouble",
              "protester: I have never protested before, but this time I could not stay at home")
          .build(),

      EventKind.builder("accident", "world")
          .pick("vehicle", "{train|bus|ferry|coach}")
          .count("dead", 2, 95)
          .count("injured", 8, 310)
          .count("passengers", 30, 900)
          .person("investigator", "{head of the national transport safety board|the chief accident investigator|a spokesperson for the safety agency}")
          .person("minister", "{the transport minister|the interior minister|the regional governor}")
          .person("witness", "{a passenger|a survivor|a farmer who saw the crash|a driver} near <city>")
          .topic("{the crash|the accident|the disaster|the <vehicle> crash}")
          .headlines(
              "<vehicle> crash {near|outside} <city> kills <dead>",
              "At least <dead> dead, <injured> injured in <country> <vehicle> {accident|disaster}",
              "{Investigators|Officials} {probe|examine} cause of deadly <vehicle> crash in <country>",
              "{Survivors|Passengers} describe {terror|chaos} of <city> <vehicle> crash")
          .leads(
              "At least <dead> people were killed and <injured> injured when a <vehicle> carrying <passengers> passengers {crashed|derailed|overturned} near <city> on <day>, officials in <country> said.",
              "A <vehicle> {crash|accident} {near|outside} <city> {killed|has killed} at least <dead> people, {authorities said|officials said} on <day>, in {one of the worst|the deadliest} transport {disasters|accidents} in <country> {in years|this decade}.",
              "{Rescue workers|Emergency crews} {worked through the night|searched the wreckage} after a <vehicle> {crashed|went off the road} near <city> late on <day>, killing <dead> people.")
          .details(
              "The <vehicle> was carrying <passengers> passengers {at the time|when it crashed}, {according to|said} the {operator|company}.",
              "<injured> people were taken to hospitals in <city>, {several|a number} of them {in a serious condition|with critical injuries}.",
              "{The cause of the crash|What caused the accident} {was not immediately known|remained unclear}, but {investigators|officials} {were examining|were looking at} {the brakes|the signalling system|the weather conditions|driver error}.",
              "{Images|Footage} {from the scene|shared online} showed {twisted metal|overturned carriages|the wrecked vehicle} {and|as} {rescuers|emergency crews} {carried|helped} {survivors|the injured} {to safety|away}.",
              "{The operator|The company} {said|announced} it had {suspended|halted} {services|operations} on the route {pending an investigation|while the cause is investigated}.",
              "{Families|Relatives} of passengers {gathered|waited} {at the station|at the hospital|outside the operator's office} in <city> {for news|for information}.",
              "{Safety campaigners|Critics} {said|have long said} {the route|the network|the fleet} {needed|was in need of} {urgent investment|modernisation} {after years of neglect|for years}.",
              "{The government|The prime minister} {declared|announced} {a day of mourning|two days of mourning} {for the victims|across <country>}.")
          .quotes(
              "investigator: It is far too early to say what caused this crash, and we will follow the evidence",
              "minister: This is a terrible day for <country>, and our thoughts are with the families of the victims",
              "minister: If anyone is found responsible, they will be held to account",
              "witness: There was a huge bang and then everything went dark",
              "witness: People were screaming and helping each other out through the windows")
          .build(),

      EventKind.builder("wildfire", "world")
          .count("hectares", 400, 90000)
          .count("homes", 10, 2400)
          .count("evacuated", 300, 60000)
          .count("firefighters", 80, 4000)
          .count("dead", 1, 40)
          .person("chief", "{the regional fire chief|head of the fire service|a fire service commander}")
          .person("official", "{the regional governor|the civil protection minister|the mayor of <city>}")
          .person("resident", "{a resident|a farmer|a hotel owner} near <city>")
          .topic("{the wildfire|the fire|the blaze}")
          .headlines(
              "Wildfire {forces|prompts} <evacuated> to flee near <city>",
              "{Blaze|Wildfire} {destroys|burns} <homes> homes in <country>",
              "<firefighters> firefighters battle {out-of-control|raging} {wildfire|blaze} near <city>",
              "<country> wildfire {kills|leaves} <dead> {as|dead as} {flames|fire} {spread|sweep} {across|through} <hectares> hectares")
          .leads(
              "A wildfire {fanned by strong winds|driven by high winds} {has burned|burned through} <hectares> hectares near <city> in <country>, forcing <evacuated> people to {flee|leave their homes}, officials said on <day>.",
              "{More than|About} <firefighters> firefighters {were battling|fought} {a huge|an out-of-control} wildfire near <city> on <day> that has {destroyed|burned} <homes> homes and killed <dead> people.",
              "{Authorities|Officials} in <country> {ordered|extended} {evacuations|the evacuation} of <evacuated> people on <day> as a wildfire {spread|raced} {towards|through the hills around} <city>.")
          .details(
              "The fire has {burned|scorched} <hectares> hectares of {forest|scrubland|pine forest and farmland}, {according to|said} the {fire service|civil protection agency}.",
              "{Water-bombing aircraft|Helicopters and planes} {dropped|poured} water on the {flames|fire front} {throughout <day>|from first light}, {while|as} {ground crews|firefighters on the ground} {cut firebreaks|protected homes}.",
              "<homes> homes {were destroyed|have been lost}, {and|while} {many more|hundreds more} {were damaged|remain under threat}.",
              "{Temperatures|The temperature} {reached|topped} {41|43|39} degrees Celsius {on <day>|this week}, {and|while} {humidity|rainfall} {was very low|has been far below normal} {for months|all summer}.",
              "{Roads|Motorways} {around|near} <city> {were closed|were shut} {and|as} {smoke|thick smoke} {drifted|hung} over the {city|region}.",
              "{Police|Investigators} {are investigating|are trying to establish} {whether|if} the fire was {started deliberately|caused by a power line|sparked by a discarded cigarette}.",
              "{Evacuees|Those evacuated} {were housed|spent the night} {in schools|in sports halls|with relatives} {in and around|across} <city>.",
              "{Scientists|Climate researchers} {say|said} {hotter|longer} {summers|droughts} {are making|make} {wildfires|such fires} {more frequent|bigger and harder to control} {in the region|in southern Europe and beyond}.")
          .quotes(
              "chief: The wind changed direction twice this afternoon and the fire jumped our lines",
              "chief: Our crews are exhausted, but we will not stop until this fire is contained",
              "official: Anyone who is told to leave must leave immediately",
              "resident: We had ten minutes to grab the children and the dog, and then the hill behind us was on fire",
              "resident: Everything we built over thirty years is gone")
          .build(),

      EventKind.builder("rates", "economy")
          .pick("bank", "{the Central Bank of <country>|<country>'s central bank|the <country> Reserve Bank}")
          .decimal("rate", 1.5, 9.5)
          .pick("move", "{raised|cut}")
          .count("bp", 25, 75)
          .decimal("inflation", 1.2, 9.8)
          .person("governor", "governor of <bank>")
          .person("economist", "{chief economist at Harcourt Securities|an economist at Linden Partners|a senior economist at Bayfield Capital}")
          .topic("{the rate decision|the decision|the move|the interest rate decision}")
          .headlines(
              "<country> central bank <move> rates by <bp> basis points to <rate>%",
              "{Interest rates|Rates} {<move>|changed} to <rate>% as <country> inflation {hits|runs at} <inflation>%",
              "<country> {policymakers|central bank} <move> interest rates, {signal|hint at} more to come",
              "<governor.last>: rate decision {aims to|meant to} keep inflation {in check|on target}")
          .leads(
              "<bank> <move> its main interest rate by <bp> basis points to <rate>% on <day>, {as|saying} inflation {stood at|remained at} <inflation>%.",
              "{Policymakers|The monetary policy committee} at <bank> <move> {borrowing costs|interest rates} to <rate>% on <day>, {a move that|which} {most economists had expected|surprised some economists}.",
              "<country>'s central bank on <day> <move> its benchmark rate to <rate>%, {its first change|the latest move} {in several months|this year}, with inflation at <inflation>%.")
          .details(
              "Annual inflation {was|stood at} <inflation>% {last month|in the latest figures}, {compared with|against} a target of {2%|3%}.",
              "The decision {was|came after} {a split vote|a unanimous vote} {of the committee|among policymakers}, {according to|said} {the bank's statement|minutes released with the decision}.",
              "The <country> currency {rose|fell|was little changed} {after the announcement|against the dollar} {on <day>|in afternoon trading}.",
              "{Mortgage holders|Borrowers|Businesses} {will see|face} {changes in|higher|lower} {repayments|borrowing costs} {in the coming months|as banks pass on the change}.",
              "{Economists|Analysts} {expect|said they expected} {another move|further changes} {later this year|at the next meeting|before the end of the year}.",
              "{Growth|The economy} in <country> {slowed|weakened|picked up} {in the last quarter|this year}, {according to|official figures showed} {official statistics|the statistics office}.",
              "{The government|The finance minister} {welcomed|said it respected} the {decision|bank's independence}.",
              "{Bond yields|Government bond yields} {moved|edged} {lower|higher} {after the decision|as markets priced in the move}.")
          .quotes(
              "governor: We will do what is necessary to bring inflation back to target",
              "governor: The committee will watch the data closely before deciding its next step",
              "economist: The bank had little choice with inflation at <inflation>%",
              "economist: Markets were prepared for this, so the reaction should be modest")
          .build(),

      EventKind.builder("cyberattack", "technology")
          .org("victim", "Bank|Health|Telecom|Airlines|Utilities|Insurance")
          .count("customers", 40, 9000)
          .count("days", 2, 14)
          .person("spokesperson", "{a spokesperson for <victim>|chief executive of <victim>|<victim>'s head of security}")
          .person("researcher", "{a security researcher in <city>|an analyst at a cybersecurity firm|a former government cyber official}")
          .pick("group", "{a ransomware gang|a criminal group|hackers believed to be linked to an organised gang}")
          .topic("{the cyberattack|the attack|the hack|the breach}")
          .headlines(
              "<victim> {hit by|suffers} cyberattack, data of <customers>,000 customers {exposed|at risk}",
              "{Hackers|Ransomware gang} {cripple|disrupt} <victim> systems for <days> days",
              "<victim> {breach|hack}: what we know so far",
              "<country> {investigates|probes} cyberattack on <victim>")
          .leads(
              "<victim>, {one of the largest companies|a major company} in <country>, said on <day> that {a cyberattack|hackers} had {disrupted|taken down} its systems and {may have exposed|could have exposed} the data of <customers>,000 customers.",
              "{Hackers|A cyberattack} {disrupted|crippled} services at <victim> for <days> days, the company {said|confirmed} on <day>, {blaming|attributing the attack to} <group>.",
              "{Authorities|Police} in <country> {opened an investigation|began investigating} on <day> into a cyberattack on <victim> that {exposed|may have exposed} {personal data|the details} of <customers>,000 customers.")
          .details(
              "The company said {names, addresses and account numbers|personal details and some payment data} of {about|up to} <customers>,000 customers {may have been|were} {accessed|stolen}.",
              "{Customers|Users} {were unable|could not} {to log in|to use online services|to make payments} for <days> days, {and|while} {call centres|branches} {were overwhelmed|faced long queues}.",
              "<victim> {said|believes} the attack was carried out by <group> {demanding|which demanded} {a ransom|payment in cryptocurrency}, {which|but} the company {refused to pay|would not say whether it paid}.",
              "{The national cybersecurity agency|Government cyber experts} {is helping|are helping} the company {restore|rebuild} its systems, {officials said|according to a statement}.",
              "{Data protection regulators|The data protection authority} {said|confirmed} {they had|it had} been {notified|informed} and {could|may} {impose a fine|open an inquiry}.",
              "{Shares in <victim>|<victim> shares} {fell|dropped} {sharply|about 6%} {on <day>|after the announcement}.",
              "{Customers|Account holders} were {advised|urged} to {change their passwords|watch out for suspicious emails|check their statements} {as a precaution|in the coming weeks}.",
              "{Cyberattacks|Ransomware attacks} on {large companies|critical services} {have risen|have increased} {sharply|steadily} {in recent years|across Europe and beyond}.")
          .quotes(
              "spokesperson: We are deeply sorry for the disruption and we are working around the clock to restore our services",
              "spokesperson: There is no evidence so far that passwords were taken",
              "researcher: This looks like a well-prepared attack that sat inside the network for weeks",
              "researcher: Companies still underestimate how quickly these groups can move")
          .build()
  );

  /** Returns the kind named {@code name}. */
  static EventKind byName(String name) {
    for (EventKind kind : ALL) {
      if (kind.name.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no event kind " + name);
  }
}
