$d1024_direct << EOD
1 9937.333 0.158
16 53881.667 0.455
64 62145.667 2.033
EOD
$d1024_proxy_pair << EOD
1 3364.333 0.44
16 10997.333 3.06
64 12777.333 10.768
EOD
$d1024_relay_pair << EOD
1 2508.667 0.533
16 15263.333 2.018
64 20386 5.893
EOD
$d1024_gateway_pair << EOD
1 651.333 3.466
16 3203.333 10.84
64 4767 28.456
EOD
$d65536_direct << EOD
1 2194 0.665
16 3741.667 6.747
64 3583.333 26.541
EOD
$d65536_proxy_pair << EOD
1 966 1.605
16 1672 17.899
64 1768.667 68.121
EOD
$d65536_relay_pair << EOD
1 824 1.718
16 1550 17.912
64 1809.967 57.847
EOD
$d65536_gateway_pair << EOD
1 348.667 5.683
16 780.333 29.142
64 887.333 111.939
EOD
$d1048576_direct << EOD
1 163.333 12.123
16 217.333 110.64
64 188.704 449.684
EOD
$d1048576_proxy_pair << EOD
1 97 18.788
16 157.333 145.113
64 139.867 612.886
EOD
$d1048576_relay_pair << EOD
1 82.333 20.516
16 119.269 195.467
64 93.667 908.419
EOD
$d1048576_gateway_pair << EOD
1 50 31.734
16 73.09 375.859
64 62.126 1662.25
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run6/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
