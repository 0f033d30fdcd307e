$d1024_direct << EOD
1 7629.405 0.252
16 32419.234 1.481
64 45481.904 3.743
EOD
$d1024_proxy_pair << EOD
1 2947.618 0.533
16 7046.7 4.805
64 9487.874 14.762
EOD
$d1024_relay_pair << EOD
1 1913.193 0.755
16 11003.961 3.041
64 12361.86 10.348
EOD
$d1024_gateway_pair << EOD
1 489.019 4.55
16 2369.739 15.134
64 3357.509 34.208
EOD
$d65536_direct << EOD
1 1724.201 1.142
16 2824.639 10.335
64 3059.288 35.534
EOD
$d65536_proxy_pair << EOD
1 749.507 2.18
16 1308.684 22.737
64 1372.075 75.317
EOD
$d65536_relay_pair << EOD
1 573.791 3.242
16 1211.203 21.877
64 1279.796 83.684
EOD
$d65536_gateway_pair << EOD
1 218.469 8.48
16 727.158 32.527
64 803.73 127.825
EOD
$d1048576_direct << EOD
1 134.489 17.904
16 175.521 180.983
64 176.483 664.831
EOD
$d1048576_proxy_pair << EOD
1 62.606 26.814
16 107.578 194.689
64 105.584 766.203
EOD
$d1048576_relay_pair << EOD
1 68.488 25.153
16 84.461 302.463
64 78.785 1030.571
EOD
$d1048576_gateway_pair << EOD
1 39.285 37.275
16 63.199 447.414
64 49.06 2445.556
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run16/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
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
