$d1024_direct << EOD
1 12237.333 0.13
16 47740.667 0.529
64 63449.333 1.989
EOD
$d1024_proxy_pair << EOD
1 3991.333 0.324
16 10540 3.28
64 12620.333 9.179
EOD
$d1024_relay_pair << EOD
1 2528 0.486
16 13652 2.23
64 19060 6.734
EOD
$d1024_gateway_pair << EOD
1 732 3.288
16 3491.333 11.475
64 5194.333 20.845
EOD
$d65536_direct << EOD
1 2269.333 0.65
16 3741.667 6.934
64 4056.667 24.096
EOD
$d65536_proxy_pair << EOD
1 1027 1.627
16 2163 14.02
64 2206.667 52.143
EOD
$d65536_relay_pair << EOD
1 915.667 1.714
16 1761.333 14.582
64 1732.333 63.368
EOD
$d65536_gateway_pair << EOD
1 362 5.341
16 832.333 27.452
64 1056.667 96.649
EOD
$d1048576_direct << EOD
1 185.667 11.1
16 200.667 120.04
64 200.333 429.459
EOD
$d1048576_proxy_pair << EOD
1 97.333 20.153
16 155.333 147.914
64 144.667 624.599
EOD
$d1048576_relay_pair << EOD
1 83.667 22.986
16 119.667 189.964
64 106.333 854.294
EOD
$d1048576_gateway_pair << EOD
1 43.667 50.648
16 76.667 312.947
64 64.667 1440.181
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run11/benchmark-h2load.png'
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
