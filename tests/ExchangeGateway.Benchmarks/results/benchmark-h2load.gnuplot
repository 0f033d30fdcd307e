$d1024_direct << EOD
1 12124.333 0.156
16 47484 0.56
64 56436.333 2.346
EOD
$d1024_proxy_pair << EOD
1 3253 0.462
16 10117 3.28
64 12154.667 10.018
EOD
$d1024_relay_pair << EOD
1 2304.667 0.614
16 14595.333 2.081
64 20446 6.273
EOD
$d1024_gateway_pair << EOD
1 539.333 4.58
16 2671 12.644
64 4028 29.797
EOD
$d65536_direct << EOD
1 2270.667 0.614
16 3579.333 7.087
64 3585.714 28.66
EOD
$d65536_proxy_pair << EOD
1 1095.333 1.432
16 2076 13.388
64 1862.333 56.236
EOD
$d65536_relay_pair << EOD
1 800 1.815
16 1474.667 17.926
64 1649 58.689
EOD
$d65536_gateway_pair << EOD
1 298.667 6.191
16 865.333 29.187
64 949.667 101.336
EOD
$d1048576_direct << EOD
1 169 11.645
16 223.179 105.887
64 217.608 334.188
EOD
$d1048576_proxy_pair << EOD
1 104 15.994
16 158.667 145.632
64 150.667 620.876
EOD
$d1048576_relay_pair << EOD
1 83 20.735
16 106.333 192.076
64 103.333 758.044
EOD
$d1048576_gateway_pair << EOD
1 51.333 50.882
16 75.415 297.152
64 60.333 1408.519
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full2/results/benchmark-h2load.png'
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
